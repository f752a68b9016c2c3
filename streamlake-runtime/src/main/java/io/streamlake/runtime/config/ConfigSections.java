package io.streamlake.runtime.config;

import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.spi.TransportProvider;
import io.streamlake.schema.config.SchemaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/** The configuration sections StreamLake is composed of: core, schema, Kafka, and each transport's own keys. */
public final class ConfigSections {

    private ConfigSections() {
    }

    public static ConfigSection core() {
        return new ConfigSection("core", "Core (streamlake-cli: ingestion, topics, transport)", CoreConfig.configDef(),
                Optional.empty(), CoreConfig::new);
    }

    public static ConfigSection schema() {
        return new ConfigSection("schema", "Schemas and serialization (streamlake-schema)", SchemaConfig.configDef(),
                Optional.empty(), SchemaConfig::new);
    }

    public static ConfigSection kafka() {
        return new ConfigSection("kafka", "Kafka transport (streamlake-kafka-adapter)", KafkaAdapterConfig.configDef(),
                Optional.of(KafkaAdapterConfig.PASSTHROUGH_PREFIX), KafkaAdapterConfig::new);
    }

    /** Core, schema and Kafka sections, then one per transport that declares keys of its own. */
    public static List<ConfigSection> all(List<TransportProvider> transports) {
        List<ConfigSection> out = new ArrayList<>(List.of(core(), schema(), kafka()));
        for (TransportProvider provider : transports) {
            ConfigDef def = provider.configDef();
            if (!def.names().isEmpty()) {
                out.add(new ConfigSection(provider.name(), "Transport '" + provider.name() + "'", def,
                        Optional.empty(), values -> new TransportConfig(def, values)));
            }
        }
        return out;
    }

    /** The typed settings of a transport that declares its own keys. */
    public static final class TransportConfig extends AbstractConfig {
        TransportConfig(ConfigDef def, Map<String, Object> values) {
            super(def, values, false);
        }
    }
}
