package io.streamlake.cli.connect;

import picocli.CommandLine.Command;

/** {@code streamlake connect}: the StreamLake file source on a Kafka Connect cluster. */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = {
            "Run the StreamLake JSON Lines source on a Kafka Connect cluster (e.g. 'streamlake dev --connect').",
            "The worker's REST URL: --connect-url, else env STREAMLAKE_CONNECT_URL, else http://localhost:8083."
        },
        subcommands = {ConnectSubmitCommand.class, ConnectStatusCommand.class})
public final class ConnectCommand {

    /** The Connect REST URL when neither --connect-url nor {@value #URL_VARIABLE} is given. */
    public static final String DEFAULT_URL = "http://localhost:8083";

    /** The environment variable that gives the Connect REST URL. */
    public static final String URL_VARIABLE = "STREAMLAKE_CONNECT_URL";

    /** The connector class the plugin provides. */
    static final String CONNECTOR_CLASS = "io.streamlake.connect.StreamLakeFileSourceConnector";

    static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

    /** The connector's name when --name is not given. */
    static String defaultName(String dataset) {
        return "streamlake-" + dataset;
    }

    /** --connect-url, else the environment's {@value #URL_VARIABLE}, else {@value #DEFAULT_URL}. */
    static String url(String option, java.util.Map<String, String> environment) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        String variable = environment.get(URL_VARIABLE);
        return variable != null && !variable.isBlank() ? variable.trim() : DEFAULT_URL;
    }
}
