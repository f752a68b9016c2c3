package io.streamlake.core.settings;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.settings.SettingKey.Constraint;
import io.streamlake.core.settings.SettingKey.Importance;
import io.streamlake.core.settings.SettingKey.Type;
import java.util.List;
import java.util.Map;

/**
 * The settings the core reads, declared once. Key names are public API. The runtime validates values against
 * {@link #KEYS} and hands the core the plain {@link IngestionSettings} made by {@link #ingestionSettings}.
 */
public final class CoreSettings {

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String KEY_REQUIRED_CONFIG = "key.required";
    public static final String PRODUCER_SERVICE_CONFIG = "producer.service";
    public static final String MAX_IN_FLIGHT_EVENTS_CONFIG = "max.in.flight.events";
    public static final String PREPARE_THREADS_CONFIG = "prepare.threads";
    public static final String DLQ_PAYLOAD_MAX_BYTES_CONFIG = "dlq.payload.max.bytes";
    public static final String HEADERS_SOURCE_CONFIG = "headers.source";

    /** The core's keys, in the order the reference lists them. */
    public static final List<SettingKey> KEYS = List.of(
            new SettingKey(
                    TOPIC_PREFIX_CONFIG,
                    Type.STRING,
                    TopicNaming.DEFAULT_PREFIX,
                    Importance.HIGH,
                    "Prefix of every topic name: <prefix>.<dataset>.raw and <prefix>.<dataset>.dlq.",
                    new Constraint.Checked("ASCII letters, digits, '.', '_', '-'", TopicNaming::new)),
            new SettingKey(
                    KEY_REQUIRED_CONFIG,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "When true, an event without a key (none given, or its key field missing) is dead-lettered at "
                            + "stage 'validate'; keys decide partitions and so per-key order.",
                    new Constraint.None()),
            new SettingKey(
                    PRODUCER_SERVICE_CONFIG,
                    Type.STRING,
                    HeaderNames.DEFAULT_PRODUCER_SERVICE,
                    Importance.MEDIUM,
                    "Written to every event's producer_service header.",
                    new Constraint.NonEmpty()),
            new SettingKey(
                    MAX_IN_FLIGHT_EVENTS_CONFIG,
                    Type.INT,
                    IngestionSettings.DEFAULT_MAX_IN_FLIGHT,
                    Importance.LOW,
                    "How many events of a stream (produce --file, dlq replay) may await their acknowledgement at "
                            + "once; bounds memory whatever the input's length.",
                    new Constraint.AtLeast(1)),
            new SettingKey(
                    PREPARE_THREADS_CONFIG,
                    Type.INT,
                    IngestionSettings.DEFAULT_PREPARE_THREADS,
                    Importance.LOW,
                    "How many threads of a stream (produce --file, demo) parse, validate and serialize events while "
                            + "the input is read; events still reach Kafka in input order, so each key's order is "
                            + "kept. 0 (the default) does everything on the reading thread, which costs the least CPU "
                            + "per event; 2 or more pay on a producer host with idle cores.",
                    new Constraint.Between(0, 64)),
            new SettingKey(
                    DLQ_PAYLOAD_MAX_BYTES_CONFIG,
                    Type.INT,
                    IngestionSettings.DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT,
                    Importance.MEDIUM,
                    "Most bytes of the original payload a dead letter keeps, in every transport "
                            + "(DeadLetterValue.encode); a longer payload keeps its first bytes (base64) and is flagged "
                            + "truncated, with its full size and SHA-256. Keep it well below the DLQ topic's "
                            + "max.message.bytes (base64 grows the payload by a third).",
                    new Constraint.AtLeast(1)),
            new SettingKey(
                    HEADERS_SOURCE_CONFIG,
                    Type.BOOLEAN,
                    false,
                    Importance.LOW,
                    "When true, a RAW record read from a file (produce --file) says where it came from: a 'source' "
                            + "header '<file>:<line>', and in CloudEvents style ce_source is that file and line "
                            + "instead of /streamlake/<producer.service>. Dead letters always carry dlq_source_file "
                            + "and dlq_source_line.",
                    new Constraint.None()));

    private CoreSettings() {}

    /**
     * The core's settings record from validated values.
     *
     * @param values a value of the declared type for every key of {@link #KEYS}
     */
    public static IngestionSettings ingestionSettings(Map<String, ?> values) {
        return new IngestionSettings(
                new TopicNaming((String) values.get(TOPIC_PREFIX_CONFIG)),
                (Boolean) values.get(KEY_REQUIRED_CONFIG),
                (String) values.get(PRODUCER_SERVICE_CONFIG),
                (Integer) values.get(MAX_IN_FLIGHT_EVENTS_CONFIG),
                (Integer) values.get(DLQ_PAYLOAD_MAX_BYTES_CONFIG),
                (Integer) values.get(PREPARE_THREADS_CONFIG),
                (Boolean) values.get(HEADERS_SOURCE_CONFIG));
    }
}
