package io.streamlake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from {@code streamlake-version.properties}, written by the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the build did not write it. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/streamlake-version.properties")) {
            if (in != null) {
                Properties props = new Properties();
                props.load(in);
                String v = props.getProperty("version");
                if (v != null && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        return manifest == null ? "unknown" : manifest;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"streamlake " + version(), "Java " + System.getProperty("java.version")};
    }
}
