package io.streamlake.connect;

/** The plugin's version, as Connect's REST API reports it for the connector and the transform. */
final class PluginVersion {

    static final String VERSION = read();

    private PluginVersion() {}

    private static String read() {
        String version = PluginVersion.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
