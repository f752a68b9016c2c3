package io.streamlake.it.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The StreamLake Connect plugin zip the build made, unzipped once into a plugin.path under target/. */
final class ConnectPlugin {

    private static Path pluginPath;

    private ConnectPlugin() {}

    static synchronized Path pluginPath() {
        if (pluginPath != null) {
            return pluginPath;
        }
        Path zip = Path.of(System.getProperty(
                "streamlake.connect.plugin.zip", "../streamlake-connect/target/streamlake-connect-plugin.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(
                    zip + " is missing: build it with mvn -B package -pl streamlake-connect -am "
                            + "-DskipTests (the reactor does so before these tests)");
        }
        Path dir = Path.of(System.getProperty("streamlake.it.workdir", "target"), "connect-plugin-path");
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path target = dir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("zip entry outside the directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        copy(in, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + zip + " into " + dir, e);
        }
        pluginPath = dir.toAbsolutePath();
        return pluginPath;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
