package io.streamlake.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@link MicrometerIngestionMetrics} counted for one dataset, read back from the registry (the produce
 * summary prints these numbers).
 *
 * @param published           {@value MicrometerIngestionMetrics#PUBLISHED}
 * @param deadLetteredByStage {@value MicrometerIngestionMetrics#DEAD_LETTERED} summed per stage (stages with none absent)
 * @param failed              {@value MicrometerIngestionMetrics#FAILED}, retriable or not
 * @param ackLatencyP50       median RAW acknowledgement latency, empty when nothing was published
 * @param ackLatencyP99       99th percentile RAW acknowledgement latency, empty when nothing was published
 * @param rules               {@value MicrometerIngestionMetrics#RULES}: per rule name, per effect ({@code transformed},
 *                            {@code tolerated}, {@code dead_lettered}), how many events; rules that did nothing absent
 */
public record IngestionCounts(
        long published,
        Map<DlqStage, Long> deadLetteredByStage,
        long failed,
        Optional<Duration> ackLatencyP50,
        Optional<Duration> ackLatencyP99,
        Map<String, Map<String, Long>> rules) {

    /** Counts without rule effects. */
    public IngestionCounts(
            long published,
            Map<DlqStage, Long> deadLetteredByStage,
            long failed,
            Optional<Duration> ackLatencyP50,
            Optional<Duration> ackLatencyP99) {
        this(published, deadLetteredByStage, failed, ackLatencyP50, ackLatencyP99, Map.of());
    }

    public IngestionCounts {
        deadLetteredByStage = Map.copyOf(deadLetteredByStage);
        Map<String, Map<String, Long>> sorted = new TreeMap<>();
        rules.forEach((rule, effects) -> sorted.put(rule, Collections.unmodifiableMap(new TreeMap<>(effects))));
        rules = Collections.unmodifiableMap(sorted);
    }

    /** Dead letters over all stages. */
    public long deadLettered() {
        return deadLetteredByStage.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reads the counters and the latency timer of {@code dataset} from {@code registry}. */
    public static IngestionCounts read(MeterRegistry registry, DatasetName dataset) {
        String name = dataset.value();
        long published = sum(registry.find(MicrometerIngestionMetrics.PUBLISHED)
                .tag("dataset", name)
                .counters());
        long failed = sum(registry.find(MicrometerIngestionMetrics.FAILED)
                .tag("dataset", name)
                .counters());
        Map<DlqStage, Long> byStage = new EnumMap<>(DlqStage.class);
        for (Counter c : registry.find(MicrometerIngestionMetrics.DEAD_LETTERED)
                .tag("dataset", name)
                .counters()) {
            DlqStage stage = DlqStage.fromWireName(c.getId().getTag("stage"));
            byStage.merge(stage, (long) c.count(), Long::sum);
        }
        Timer timer = registry.find(MicrometerIngestionMetrics.LATENCY)
                .tag("dataset", name)
                .timer();
        Map<String, Map<String, Long>> rules = new TreeMap<>();
        for (Counter c : registry.find(MicrometerIngestionMetrics.RULES)
                .tag("dataset", name)
                .counters()) {
            rules.computeIfAbsent(c.getId().getTag("rule"), r -> new TreeMap<>())
                    .merge(c.getId().getTag("effect"), (long) c.count(), Long::sum);
        }
        return new IngestionCounts(published, byStage, failed, percentile(timer, 0.5), percentile(timer, 0.99), rules);
    }

    private static long sum(Iterable<Counter> counters) {
        long total = 0;
        for (Counter c : counters) {
            total += (long) c.count();
        }
        return total;
    }

    private static Optional<Duration> percentile(Timer timer, double p) {
        if (timer == null || timer.count() == 0) {
            return Optional.empty();
        }
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            if (Math.abs(v.percentile() - p) < 1e-9) {
                return Optional.of(Duration.ofNanos((long) v.value(TimeUnit.NANOSECONDS)));
            }
        }
        return Optional.empty();
    }
}
