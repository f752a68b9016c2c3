package io.streamlake.core.testing;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.port.out.IngestionMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** An in-memory {@link IngestionMetrics} that counts outcomes and keeps the largest latency seen. */
public final class CountingMetrics implements IngestionMetrics {

    private final LongAdder published = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rules = new ConcurrentHashMap<>();
    private final AtomicLong maxLatencyNanos = new AtomicLong();

    @Override
    public void published(DatasetName dataset, Duration latency) {
        published.increment();
        maxLatencyNanos.accumulateAndGet(latency.toNanos(), Math::max);
    }

    @Override
    public void deadLettered(DatasetName dataset, DlqStage stage, String errorClass) {
        deadLettered
                .computeIfAbsent(stage.wireName() + "/" + errorClass, k -> new LongAdder())
                .increment();
    }

    @Override
    public void failed(DatasetName dataset, boolean retriable) {
        failed.increment();
    }

    @Override
    public void ruleApplied(DatasetName dataset, String rule, RuleOutcome.RuleEffect.Kind effect) {
        rules.computeIfAbsent(rule + "/" + effect, k -> new LongAdder()).increment();
    }

    /** How often {@code rule} had {@code effect}. */
    public long ruleApplied(String rule, RuleOutcome.RuleEffect.Kind effect) {
        LongAdder n = rules.get(rule + "/" + effect);
        return n == null ? 0 : n.sum();
    }

    public long published() {
        return published.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Dead letters counted under {@code stage/errorClass}, e.g. {@code validate/SchemaViolation}. */
    public long deadLettered(DlqStage stage, String errorClass) {
        LongAdder n = deadLettered.get(stage.wireName() + "/" + errorClass);
        return n == null ? 0 : n.sum();
    }

    public Duration maxLatency() {
        return Duration.ofNanos(maxLatencyNanos.get());
    }
}
