package io.streamlake.core.service;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.port.out.IngestionMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link IngestionMetrics} of an exactly-once run: give it to the {@link IngestionService} that a
 * {@link CheckpointedIngestionService} drives, and to that service. Published and dead-lettered outcomes are held
 * (each with its own acknowledgement latency) until their chunk is committed, then passed on to {@code target}; those
 * of an aborted chunk are dropped, so the counters, like the run's summary, count only what {@code read_committed}
 * consumers see. {@code failed} is passed on at once: an event not acknowledged is a platform failure whether or not
 * its chunk commits. Thread-safe: outcomes arrive on transport threads; {@link #commit()} and {@link #discard()} run
 * on the service's thread once every outcome of the chunk has arrived.
 */
public final class CommittedMetrics implements IngestionMetrics {

    private static final System.Logger LOG = System.getLogger(CommittedMetrics.class.getName());

    private final IngestionMetrics target;
    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();

    public CommittedMetrics(IngestionMetrics target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public void published(DatasetName dataset, Duration latency) {
        held.add(() -> target.published(dataset, latency));
    }

    @Override
    public void deadLettered(DatasetName dataset, DlqStage stage, String errorClass) {
        held.add(() -> target.deadLettered(dataset, stage, errorClass));
    }

    @Override
    public void failed(DatasetName dataset, boolean retriable) {
        target.failed(dataset, retriable);
    }

    /** The chunk committed: passes its held outcomes on; a target that throws is logged, never stops the run. */
    void commit() {
        for (Runnable r; (r = held.poll()) != null; ) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the ingestion metrics failed to record an outcome: " + e, e);
            }
        }
    }

    /** The chunk was aborted: its held outcomes are dropped. */
    void discard() {
        held.clear();
    }
}
