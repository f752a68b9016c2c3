package io.streamlake.cli.context;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command takes. Each command has its own instance (a picocli mixin); {@link Invocation}
 * merges those of the command line's commands, the innermost winning.
 */
public final class GlobalOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with settings (default: ./streamlake.properties when it exists).")
    Path config;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,…]",
            description = "Kafka bootstrap servers (bootstrap.servers; env KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            description = "Schema Registry URL (schema.registry.url; env SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(
            names = "--serialization",
            paramLabel = "json|avro",
            description = "How values are written (serialization; env STREAMLAKE_SERIALIZATION).")
    String serialization;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Topic prefix (topic.prefix).")
    String topicPrefix;

    @Option(
            names = "--transport",
            paramLabel = "NAME",
            description = "kafka (default), stdout (dry run), or a plugged-in transport.")
    String transport;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            mapFallbackValue = "",
            description = "Any setting (repeatable), e.g. --set linger.ms=5 --set kafka.security.protocol=SSL.")
    Map<String, String> set;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show stack traces of errors.")
    Boolean verbose;

    /** The settings these flags give, {@code --set} first, the named flags over them. */
    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        if (set != null) {
            out.putAll(set);
        }
        put(out, "bootstrap.servers", bootstrapServers);
        put(out, "schema.registry.url", schemaRegistryUrl);
        put(out, "serialization", serialization);
        put(out, "topic.prefix", topicPrefix);
        put(out, "transport", transport);
        return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
