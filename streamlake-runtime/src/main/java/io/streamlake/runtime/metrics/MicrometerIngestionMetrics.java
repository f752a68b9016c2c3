package io.streamlake.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.port.out.IngestionMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core's {@link IngestionMetrics} on a Micrometer {@link MeterRegistry}:
 * <ul>
 *   <li>{@value #PUBLISHED} (counter, tag {@code dataset}) - events acknowledged on RAW;</li>
 *   <li>{@value #DEAD_LETTERED} (counter, tags {@code dataset}, {@code stage}, {@code error_class}) - dead letters
 *       acknowledged on the DLQ;</li>
 *   <li>{@value #FAILED} (counter, tags {@code dataset}, {@code retriable}) - events not acknowledged;</li>
 *   <li>{@value #RULES} (counter, tags {@code dataset}, {@code rule}, {@code effect}: {@code transformed},
 *       {@code tolerated} or {@code dead_lettered}) - what each data-contract rule did: events whose fields it
 *       transformed, violations it tolerated ({@code onFailure: NONE}, published anyway), dead letters it made
 *       (acknowledged);</li>
 *   <li>{@value #LATENCY} (timer, tag {@code dataset}, client-side percentiles 0.5, 0.95, 0.99 and a histogram) -
 *       from handing an event to the use case to its RAW acknowledgement.</li>
 * </ul>
 * Thread-safe and non-blocking (Micrometer meters are), so it may be called from client I/O threads.
 */
public final class MicrometerIngestionMetrics implements IngestionMetrics {

    public static final String PUBLISHED = "streamlake.events.published";
    public static final String DEAD_LETTERED = "streamlake.events.dead_lettered";
    public static final String FAILED = "streamlake.events.failed";
    public static final String LATENCY = "streamlake.publish.latency";
    public static final String RULES = "streamlake.rules.applied";

    private final MeterRegistry registry;
    /** The per-event meters of each dataset, registered once (not looked up by name and tags for every event). */
    private final Map<DatasetName, PublishedMeters> published = new ConcurrentHashMap<>();

    /**
     * The meters of the dataset published last: a run usually has one dataset, whose meters are then found without a
     * map lookup (on the producer's I/O thread, for every acknowledgement).
     */
    private volatile PublishedMeters last;

    public MicrometerIngestionMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void published(DatasetName dataset, Duration latency) {
        PublishedMeters meters = last;
        if (meters == null || meters.dataset != dataset) {
            meters = published.get(dataset);
            if (meters == null) {
                meters = meters(dataset);
            }
            last = meters;
        }
        meters.count.increment();
        meters.latency.record(latency);
    }

    /** The meters of {@code dataset}, registered on its first event (a lambda here would be made for every event). */
    private PublishedMeters meters(DatasetName dataset) {
        return published.computeIfAbsent(
                dataset,
                d -> new PublishedMeters(
                        d,
                        Counter.builder(PUBLISHED)
                                .description("events acknowledged on RAW")
                                .tag("dataset", d.value())
                                .register(registry),
                        latencyTimer(registry, d.value())));
    }

    /** One dataset's per-event meters; {@code dataset} is the instance they were registered for (compared by identity). */
    private record PublishedMeters(DatasetName dataset, Counter count, Timer latency) {}

    @Override
    public void deadLettered(DatasetName dataset, DlqStage stage, String errorClass) {
        Counter.builder(DEAD_LETTERED)
                .description("dead letters acknowledged on the DLQ")
                .tag("dataset", dataset.value())
                .tag("stage", stage.wireName())
                .tag("error_class", errorClass)
                .register(registry)
                .increment();
    }

    @Override
    public void failed(DatasetName dataset, boolean retriable) {
        Counter.builder(FAILED)
                .description("events not acknowledged (neither on RAW nor on the DLQ)")
                .tag("dataset", dataset.value())
                .tag("retriable", Boolean.toString(retriable))
                .register(registry)
                .increment();
    }

    @Override
    public void ruleApplied(DatasetName dataset, String rule, RuleOutcome.RuleEffect.Kind effect) {
        Counter.builder(RULES)
                .description("what each data-contract rule did: transformed, tolerated, dead_lettered")
                .tag("dataset", dataset.value())
                .tag("rule", rule)
                .tag("effect", effect.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** The RAW acknowledgement latency timer of {@code dataset} (registered on first use). */
    static Timer latencyTimer(MeterRegistry registry, String dataset) {
        return Timer.builder(LATENCY)
                .description("from hand-over to the RAW acknowledgement")
                .tag("dataset", dataset)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }
}
