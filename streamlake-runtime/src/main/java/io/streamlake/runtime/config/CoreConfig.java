package io.streamlake.runtime.config;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The core's settings (topic naming, keys, producer service, stream bounds) and the transport choice, each
 * declared once in {@link #configDef()}. Key names are public API. The core itself never sees this class: it
 * receives the plain {@link IngestionSettings} record made by {@link #ingestionSettings(int)}.
 * Immutable and thread-safe; construction fails with a {@link ConfigException} naming the key.
 */
public final class CoreConfig extends AbstractConfig {

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String KEY_REQUIRED_CONFIG = "key.required";
    public static final String PRODUCER_SERVICE_CONFIG = "producer.service";
    public static final String MAX_IN_FLIGHT_EVENTS_CONFIG = "max.in.flight.events";
    public static final String PREPARE_THREADS_CONFIG = "prepare.threads";
    public static final String TRANSPORT_CONFIG = "transport";

    /** The transport used when none is configured. */
    public static final String DEFAULT_TRANSPORT = "kafka";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC_PREFIX_CONFIG, Type.STRING, TopicNaming.DEFAULT_PREFIX, new TopicPrefixValidator(), Importance.HIGH,
                    "Prefix of every topic name: <prefix>.<dataset>.raw and <prefix>.<dataset>.dlq.")
            .define(KEY_REQUIRED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "When true, an event without a key (none given, or its key field missing) is dead-lettered at "
                            + "stage 'validate'; keys decide partitions and so per-key order.")
            .define(PRODUCER_SERVICE_CONFIG, Type.STRING, HeaderNames.DEFAULT_PRODUCER_SERVICE, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Written to every event's producer_service header.")
            .define(MAX_IN_FLIGHT_EVENTS_CONFIG, Type.INT, IngestionSettings.DEFAULT_MAX_IN_FLIGHT, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "How many events of a stream (produce --file, dlq replay) may await their "
                            + "acknowledgement at once; bounds memory whatever the input's length.")
            .define(PREPARE_THREADS_CONFIG, Type.INT, IngestionSettings.DEFAULT_PREPARE_THREADS, ConfigDef.Range.between(0, 64),
                    Importance.LOW, "How many threads of a stream (produce --file, demo) parse, validate and serialize "
                            + "events while the input is read; events still reach Kafka in input order, so each key's "
                            + "order is kept. 0 (the default) does everything on the reading thread, which costs the "
                            + "least CPU per event; 2 or more pay on a producer host with idle cores.")
            .define(TRANSPORT_CONFIG, Type.STRING, DEFAULT_TRANSPORT, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Where events go: 'kafka' (the default), 'stdout' (a dry run: one JSON line per record, no broker), "
                            + "or the name of a transport found on the class path (io.streamlake.runtime.spi.TransportProvider).");

    public CoreConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
    }

    /** The declarations of every core key, for validation and for the generated configuration reference. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public TopicNaming topicNaming() {
        return new TopicNaming(getString(TOPIC_PREFIX_CONFIG));
    }

    public String transport() {
        return getString(TRANSPORT_CONFIG);
    }

    public int maxInFlightEvents() {
        return getInt(MAX_IN_FLIGHT_EVENTS_CONFIG);
    }

    public int prepareThreads() {
        return getInt(PREPARE_THREADS_CONFIG);
    }

    /**
     * The core's settings record.
     *
     * @param deadLetterPayloadLimit how many payload bytes a dead letter keeps (the transport's setting)
     */
    public IngestionSettings ingestionSettings(int deadLetterPayloadLimit) {
        return new IngestionSettings(topicNaming(), getBoolean(KEY_REQUIRED_CONFIG), getString(PRODUCER_SERVICE_CONFIG),
                maxInFlightEvents(), deadLetterPayloadLimit, prepareThreads());
    }

    private static final class TopicPrefixValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                new TopicNaming(value == null ? null : value.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "ASCII letters, digits, '.', '_', '-'";
        }
    }
}
