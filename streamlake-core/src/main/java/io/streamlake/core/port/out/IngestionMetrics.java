package io.streamlake.core.port.out;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.RuleOutcome;
import java.time.Duration;

/**
 * Receives one call per ingestion outcome, so counters and latency timers can be kept (a Micrometer adapter,
 * or the in-memory {@code CountingMetrics}). Called from client I/O threads: implementations must be
 * thread-safe and must not block.
 */
public interface IngestionMetrics {

    /** An event was acknowledged on RAW, {@code latency} after it was handed to the use case. */
    void published(DatasetName dataset, Duration latency);

    /** An event's dead letter was acknowledged. */
    void deadLettered(DatasetName dataset, DlqStage stage, String errorClass);

    /** An event was not acknowledged. */
    void failed(DatasetName dataset, boolean retriable);

    /**
     * A data-contract rule did something to an event: transformed it or tolerated its violation (both when the event
     * was prepared), or dead-lettered it (when its dead letter was acknowledged). Does nothing unless overridden.
     */
    default void ruleApplied(DatasetName dataset, String rule, RuleOutcome.RuleEffect.Kind effect) {}

    /** Metrics that go nowhere. */
    static IngestionMetrics none() {
        return NoMetrics.INSTANCE;
    }
}
