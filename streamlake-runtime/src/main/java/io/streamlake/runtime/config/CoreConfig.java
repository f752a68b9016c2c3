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
                            + "and go to the re-run file; a second signal stops at once.");

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

    public int prepareThreads() {
        return getInt(PREPARE_THREADS_CONFIG);
    }

    /** The core's settings record. */
    public IngestionSettings ingestionSettings() {
        return CoreSettings.ingestionSettings(values());
    }
}
