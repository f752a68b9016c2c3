package io.streamlake.connect;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.config.ConfigSections;
import io.streamlake.runtime.config.CoreConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of {@link StreamLakeTransform} and {@link StreamLakeFileSourceConnector}, declared in a
 * {@link ConfigDef} so that Connect's {@code PUT /connector-plugins/{name}/config/validate} reports bad values by key.
 * Besides the plugin's own keys ({@link #transformDef()}, {@link #sourceDef()}), it accepts the StreamLake keys that
 * decide a record (the Core and Schemas sections of {@code docs/configuration.md}, and {@code headers.style}), with
 * the same names, defaults and validators as everywhere else in StreamLake: they come from the runtime's own
 * declarations.
 */
public class StreamLakeConnectConfig extends AbstractConfig {

    /** The dataset every record belongs to; decides the RAW and DLQ topics and the schema. */
    public static final String DATASET_CONFIG = "dataset";

    /** The top-level payload field that holds the key, as {@code streamlake produce --key-field}. */
    public static final String KEY_FIELD_CONFIG = "key.field";

    /** A pinned schema version, as {@code streamlake produce --schema-version}. */
    public static final String SCHEMA_VERSION_CONFIG = "schema.version";

    /**
     * Runtime keys that concern a process or a stream of the CLI, not a record, and so are not accepted here (Connect
     * has its own exactly-once: {@code exactly.once.source.support}, {@code transaction.boundary}).
     */
    private static final Set<String> NOT_FOR_CONNECT = Set.of(
            CoreConfig.TRANSPORT_CONFIG,
            CoreConfig.PROGRESS_INTERVAL_MS_CONFIG,
            CoreConfig.SHUTDOWN_TIMEOUT_MS_CONFIG,
            CoreConfig.MAX_IN_FLIGHT_EVENTS_CONFIG,
            CoreConfig.PREPARE_THREADS_CONFIG,
            CoreConfig.DELIVERY_GUARANTEE_CONFIG,
            CoreConfig.TRANSACTION_MAX_EVENTS_CONFIG,
            CoreConfig.TRANSACTION_MAX_MS_CONFIG);

    public StreamLakeConnectConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
    }

    /** The plugin's own keys, shared by the transform and the connector. */
    static ConfigDef recordKeys() {
        return new ConfigDef()
                .define(
                        DATASET_CONFIG,
                        ConfigDef.Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new DatasetValidator(),
                        ConfigDef.Importance.HIGH,
                        "The dataset every record belongs to, e.g. orders: decides the RAW topic "
                                + "(<topic.prefix>.<dataset>.raw), the DLQ topic and the schema.")
                .define(
                        KEY_FIELD_CONFIG,
                        ConfigDef.Type.STRING,
                        null,
                        new ConfigDef.NonEmptyStringWithoutControlChars() {
                            @Override
                            public void ensureValid(String name, Object value) {
                                if (value != null) {
                                    super.ensureValid(name, value);
                                }
                            }

                            @Override
                            public String toString() {
                                return "empty, or a top-level field name";
                            }
                        },
                        ConfigDef.Importance.HIGH,
                        "Take each event's key from this top-level payload field (as streamlake produce --key-field); "
                                + "the key's UTF-8 bytes decide the partition. Empty: events have no key (dead-lettered "
                                + "while key.required=true).")
                .define(
                        SCHEMA_VERSION_CONFIG,
                        ConfigDef.Type.STRING,
                        null,
                        new VersionValidator(),
                        ConfigDef.Importance.MEDIUM,
                        "Validate against this catalog version, e.g. v1 (as streamlake produce --schema-version). "
                                + "Empty: the dataset's latest.");
    }

    /** The transform's keys: the plugin's own, then the StreamLake keys that decide a record. */
    public static ConfigDef transformDef() {
        return withRuntimeKeys(recordKeys());
    }

    /** The source connector's keys: {@link #transformDef()}'s and the file source's own. */
    public static ConfigDef sourceDef() {
        return withRuntimeKeys(FileSourceConfig.sourceKeys(recordKeys()));
    }

    private static ConfigDef withRuntimeKeys(ConfigDef own) {
        ConfigDef def = new ConfigDef(own);
        for (ConfigDef runtime : List.of(
                ConfigSections.core().definition(), ConfigSections.schema().definition())) {
            for (ConfigDef.ConfigKey key : runtime.configKeys().values()) {
                if (!NOT_FOR_CONNECT.contains(key.name)) {
                    def.define(key);
                }
            }
        }
        def.define(KafkaAdapterConfig.configDef().configKeys().get(KafkaAdapterConfig.HEADERS_STYLE_CONFIG));
        return def;
    }

    /** The names of the StreamLake keys (not the plugin's own) this config accepts. */
    static Set<String> runtimeKeyNames() {
        Set<String> names = new java.util.LinkedHashSet<>(transformDef().names());
        names.removeAll(recordKeys().names());
        return names;
    }

    public DatasetName dataset() {
        return DatasetName.of(getString(DATASET_CONFIG));
    }

    /** The key field, or null. */
    public String keyField() {
        return getString(KEY_FIELD_CONFIG);
    }

    public Optional<SchemaVersion> schemaVersion() {
        String version = getString(SCHEMA_VERSION_CONFIG);
        return version == null ? Optional.empty() : Optional.of(SchemaVersion.parse(version));
    }

    /** The StreamLake settings given, as text, for the runtime's {@code RecordPreparer}. */
    public Map<String, String> runtimeSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> runtimeKeys = runtimeKeyNames();
        for (Map.Entry<String, ?> entry : originals().entrySet()) {
            if (runtimeKeys.contains(entry.getKey()) && entry.getValue() != null) {
                Object value = entry.getValue();
                out.put(entry.getKey(), value instanceof Password p ? p.value() : String.valueOf(value));
            }
        }
        return out;
    }

    /** Empty, or a catalog version as {@link SchemaVersion} accepts it. */
    static final class VersionValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            try {
                SchemaVersion.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "empty, or v1, v2, …";
        }
    }

    /** A dataset name as {@link DatasetName} accepts it. */
    static final class DatasetValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "a dataset is required, e.g. orders");
            }
            try {
                DatasetName.of((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a dataset name: ASCII letters, digits, '.', '_' and '-'";
        }
    }
}
