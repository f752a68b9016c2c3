package io.streamlake.runtime.config;

import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.schema.config.SchemaConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/** The configuration sections StreamLake is composed of: core, schema, Kafka, and each transport's own keys. */
public final class ConfigSections {

    private ConfigSections() {}

    public static ConfigSection core() {
        return new ConfigSection(
                "core",
                "Core (streamlake-core: ingestion, topics; streamlake-runtime: transport)",
                CoreConfig.configDef(),
                Optional.empty(),
                CoreConfig::new);
    }

    public static ConfigSection schema() {
        return new ConfigSection(
                "schema",
                "Schemas and serialization (streamlake-schema)",
                SchemaConfig.configDef(),
                Optional.empty(),
                SchemaConfig::new);
    }

    public static ConfigSection kafka() {
        return new ConfigSection(
                "kafka",
                "Kafka transport (streamlake-kafka-adapter)",
                KafkaAdapterConfig.configDef(),
                Optional.of(KafkaAdapterConfig.PASSTHROUGH_PREFIX),
                KafkaAdapterConfig::new);
    }

    /** The core, schema and Kafka sections (without the keys of transports found on the class path). */
    public static List<ConfigSection> builtIn() {
        return List.of(core(), schema(), kafka());
    }

    /** The section of a transport that declares keys of its own ({@code io.streamlake.runtime.Transports}). */
    public static ConfigSection transport(String name, ConfigDef keys) {
        return new ConfigSection(
                name, "Transport '" + name + "'", keys, Optional.empty(), values -> new TransportConfig(keys, values));
    }

    /** The typed settings of a transport that declares its own keys. */
    public static final class TransportConfig extends AbstractConfig {
        TransportConfig(ConfigDef def, Map<String, Object> values) {
            super(def, values, false);
        }
    }
}
