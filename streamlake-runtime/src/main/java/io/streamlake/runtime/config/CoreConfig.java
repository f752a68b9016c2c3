package io.streamlake.runtime.config;

import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.settings.CoreSettings;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code Core} section: the keys the core declares ({@link CoreSettings}) and the runtime's choice of
 * transport. The core itself never sees this class: it receives the plain {@link IngestionSettings} record made by
 * {@link #ingestionSettings()}. Immutable and thread-safe; construction fails with a {@link ConfigException}
 * naming the key.
 */
public final class CoreConfig extends AbstractConfig {

    public static final String TOPIC_PREFIX_CONFIG = CoreSettings.TOPIC_PREFIX_CONFIG;
    public static final String KEY_REQUIRED_CONFIG = CoreSettings.KEY_REQUIRED_CONFIG;
    public static final String PRODUCER_SERVICE_CONFIG = CoreSettings.PRODUCER_SERVICE_CONFIG;
    public static final String MAX_IN_FLIGHT_EVENTS_CONFIG = CoreSettings.MAX_IN_FLIGHT_EVENTS_CONFIG;
    public static final String PREPARE_THREADS_CONFIG = CoreSettings.PREPARE_THREADS_CONFIG;
    public static final String DLQ_PAYLOAD_MAX_BYTES_CONFIG = CoreSettings.DLQ_PAYLOAD_MAX_BYTES_CONFIG;
    public static final String TRANSPORT_CONFIG = "transport";
    public static final String PROGRESS_INTERVAL_MS_CONFIG = "progress.interval.ms";
    public static final String SHUTDOWN_TIMEOUT_MS_CONFIG = "shutdown.timeout.ms";
    /**
     * {@value #AT_LEAST_ONCE} (the default) or {@value #EXACTLY_ONCE}: how {@code produce --file} (and the bench's
     * file scenarios) deliver. Exactly-once is the runtime's {@link io.streamlake.runtime.ExactlyOnceFiles}.
     */
    public static final String DELIVERY_GUARANTEE_CONFIG = "delivery.guarantee";
    /** The most events one exactly-once transaction (chunk) holds. */
    public static final String TRANSACTION_MAX_EVENTS_CONFIG = "transaction.max.events";
    /** How long one exactly-once transaction (chunk) stays open at most. */
    public static final String TRANSACTION_MAX_MS_CONFIG = "transaction.max.ms";

    public static final String AT_LEAST_ONCE = "at-least-once";
    public static final String EXACTLY_ONCE = "exactly-once";

    /** The transport used when none is configured. */
    public static final String DEFAULT_TRANSPORT = "kafka";

    private static final ConfigDef CONFIG = SettingKeys.define(new ConfigDef(), CoreSettings.KEYS)
            .define(
                    TRANSPORT_CONFIG,
                    Type.STRING,
                    DEFAULT_TRANSPORT,
                    new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    "Where events go: 'kafka' (the default), 'stdout' (a dry run: one JSON line per record, no broker), "
                            + "or the name of a transport found on the class path (io.streamlake.runtime.spi.TransportProvider).")
            .define(
                    PROGRESS_INTERVAL_MS_CONFIG,
                    Type.LONG,
                    10_000L,
                    ConfigDef.Range.atLeast(10),
                    Importance.LOW,
                    "streamlake produce --file: when stderr is not a terminal (CI logs, cron), how often one progress "
                            + "line is printed there: read, published, dead-lettered, failed, and the current rate. On a "
                            + "terminal the progress line is redrawn in place instead.")
            .define(
                    SHUTDOWN_TIMEOUT_MS_CONFIG,
                    Type.LONG,
                    30_000L,
                    ConfigDef.Range.atLeast(0),
                    Importance.LOW,
                    "streamlake produce --file: after SIGINT or SIGTERM, how long the run waits for the "
                            + "acknowledgements of the events in flight before it writes the re-run material, prints "
                            + "the summary and exits (130 or 143). Events still in flight then have an unknown outcome "
                            + "and go to the re-run file; a second signal stops at once. With delivery.guarantee="
                            + "exactly-once the run waits this long for the open transaction's commit instead; at the "
                            + "time-out it exits with the transaction still open, which Kafka aborts when the next run "
                            + "of the file starts (or after kafka.transaction.timeout.ms).")
            .define(
                    DELIVERY_GUARANTEE_CONFIG,
                    Type.STRING,
                    AT_LEAST_ONCE,
                    ConfigDef.ValidString.in(AT_LEAST_ONCE, EXACTLY_ONCE),
                    Importance.MEDIUM,
                    "How streamlake produce --file delivers. 'at-least-once' (the default): an event reported "
                            + "failed may still be on RAW, and a re-run writes it twice; consumers de-duplicate on "
                            + "ingestion_id. 'exactly-once': the file is published in transactions of at most "
                            + "transaction.max.events events or transaction.max.ms, each committing its RAW and DLQ "
                            + "records together with the file's checkpoint (topic <topic.prefix>.checkpoints); after "
                            + "any stop, kill -9 included, --resume continues from the last checkpoint, and "
                            + "read_committed consumers see every line exactly once. Needs transport=kafka and a "
                            + "regular file (not stdin, not --payload).")
            .define(
                    TRANSACTION_MAX_EVENTS_CONFIG,
                    Type.INT,
                    10_000,
                    ConfigDef.Range.atLeast(1),
                    Importance.LOW,
                    "delivery.guarantee=exactly-once: the most events (lines) one transaction holds; the "
                            + "transaction commits after that many, with the checkpoint after its last line. Larger "
                            + "costs less per event and re-reads more after a crash.")
            .define(
                    TRANSACTION_MAX_MS_CONFIG,
                    Type.LONG,
                    1_000L,
                    ConfigDef.Range.atLeast(1),
                    Importance.LOW,
                    "delivery.guarantee=exactly-once: a transaction commits at the first line read this long "
                            + "after it began, even with fewer than transaction.max.events events; bounds how long "
                            + "committed data waits to become visible to read_committed consumers.");

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

    /** How often a progress line is printed when stderr is not a terminal. */
    public long progressIntervalMs() {
        return getLong(PROGRESS_INTERVAL_MS_CONFIG);
    }

    /** How long an interrupted run waits for the acknowledgements in flight. */
    public long shutdownTimeoutMs() {
        return getLong(SHUTDOWN_TIMEOUT_MS_CONFIG);
    }

    /** True when {@code delivery.guarantee=exactly-once}. */
    public boolean exactlyOnce() {
        return EXACTLY_ONCE.equals(getString(DELIVERY_GUARANTEE_CONFIG));
    }

    public int transactionMaxEvents() {
        return getInt(TRANSACTION_MAX_EVENTS_CONFIG);
    }

    public long transactionMaxMs() {
        return getLong(TRANSACTION_MAX_MS_CONFIG);
    }

    public int prepareThreads() {
        return getInt(PREPARE_THREADS_CONFIG);
    }

    /** The core's settings record. */
    public IngestionSettings ingestionSettings() {
        return CoreSettings.ingestionSettings(values());
    }
}
