package io.streamlake.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How an exactly-once stream ended.
 *
 * @param committed       the outcomes of the events whose transactions were committed (what {@code read_committed}
 *                        consumers see)
 * @param transactions    how many transactions were committed
 * @param lastCheckpoint  the checkpoint this run committed last; empty when it committed none
 * @param aborted         events read whose transaction was aborted (or never committed): invisible to
 *                        {@code read_committed} consumers, read again by a run resumed from {@code lastCheckpoint}
 * @param abortedBecause  why the open transaction was aborted and the stream stopped; empty when it was not
 */
public record CheckpointedSummary(
        BatchSummary committed,
        long transactions,
        Optional<FileCheckpoint> lastCheckpoint,
        long aborted,
        Optional<String> abortedBecause) {

    public CheckpointedSummary {
        Objects.requireNonNull(committed, "committed");
        Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
        Objects.requireNonNull(abortedBecause, "abortedBecause");
        if (transactions < 0 || aborted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
