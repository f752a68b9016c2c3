package io.streamlake.core.service;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.CheckpointedSummary;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCheckpointedUseCase;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.StagedIngestUseCase;
import io.streamlake.core.port.out.TransactionalOutput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link IngestCheckpointedUseCase} on a {@link TransactionalOutput}: reads commands on the calling thread, prepares
 * and dispatches each one there (in input order, so each key's order is kept), with at most {@code maxInFlight}
 * awaiting their outcome. A chunk ends after {@code maxEvents} events, or at the first event read
 * {@code maxMs} or more after the chunk began, or at the input's end; then the publisher and the DLQ port are flushed,
 * every outcome of the chunk is awaited (a dead letter that follows a RAW refusal included), and the chunk is
 * committed with the position the caller gives. Outcomes reach the caller only once their chunk is committed, and so do
 * the metrics of published and dead-lettered events when {@code staged} records them to this service's
 * {@link CommittedMetrics}.
 *
 * <p>A chunk is aborted, and reading stops, when one of its events was not acknowledged (a platform failure: time-out,
 * outage, authorization) or the commit fails; its events are counted as aborted, and the reason says
 * {@link TransactionalOutput#COMMIT_OUTCOME_UNKNOWN} when the commit timed out and may still complete. Not
 * thread-safe: one run at a time.
 */
public final class CheckpointedIngestionService implements IngestCheckpointedUseCase {

    private final StagedIngestUseCase staged;
    private final TransactionalOutput output;
    private final int maxEvents;
    private final long maxNanos;
    private final int maxInFlight;
    private final CommittedMetrics metrics;
    private final LongSupplier nanoTime;

    /**
     * @param staged      ingests one event; must publish through {@code output}'s publisher and DLQ port
     * @param output      the transactional output of the file
     * @param maxEvents   the most events a chunk holds
     * @param maxMs       how long a chunk stays open at most, checked as events are read
     * @param maxInFlight how many events may await their outcome at once
     */
    public CheckpointedIngestionService(
            StagedIngestUseCase staged, TransactionalOutput output, int maxEvents, long maxMs, int maxInFlight) {
        this(staged, output, maxEvents, maxMs, maxInFlight, null, System::nanoTime);
    }

    /**
     * As {@link #CheckpointedIngestionService(StagedIngestUseCase, TransactionalOutput, int, long, int)}, with the
     * {@link CommittedMetrics} {@code staged} records its outcomes to: this service passes a chunk's published and
     * dead-lettered outcomes on when the chunk commits and drops them when it aborts.
     */
    public CheckpointedIngestionService(
            StagedIngestUseCase staged,
            TransactionalOutput output,
            int maxEvents,
            long maxMs,
            int maxInFlight,
            CommittedMetrics metrics) {
        this(
                staged,
                output,
                maxEvents,
                maxMs,
                maxInFlight,
                Objects.requireNonNull(metrics, "metrics"),
                System::nanoTime);
    }

    CheckpointedIngestionService(
            StagedIngestUseCase staged,
            TransactionalOutput output,
            int maxEvents,
            long maxMs,
            int maxInFlight,
            CommittedMetrics metrics,
            LongSupplier nanoTime) {
        this.staged = Objects.requireNonNull(staged, "staged");
        this.output = Objects.requireNonNull(output, "output");
        if (maxEvents < 1 || maxMs < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxEvents, maxMs and maxInFlight must be at least 1, got " + maxEvents
                    + ", " + maxMs + ", " + maxInFlight);
        }
        this.maxEvents = maxEvents;
        this.maxNanos = TimeUnit.MILLISECONDS.toNanos(maxMs);
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Optional<FileCheckpoint> lastCheckpoint() {
        return output.lastCheckpoint();
    }

    @Override
    public CheckpointedSummary ingestAll(
            Iterator<IngestCommand> commands,
            Supplier<FileCheckpoint> position,
            Consumer<IngestionResult> onCommitted) {
        Run run = new Run(position, onCommitted);
        boolean open = false;
        long chunkStart = 0;
        int inChunk = 0;
        try {
            while (commands.hasNext()) {
                if (!open) {
                    output.begin();
                    open = true;
                    chunkStart = nanoTime.getAsLong();
                    inChunk = 0;
                }
                run.slots.acquire();
                IngestCommand command;
                try {
                    command = commands.next();
                    staged.dispatch(staged.prepare(command), run::outcome);
                } catch (RuntimeException e) {
                    run.slots.release();
                    throw e;
                }
                inChunk++;
                if (inChunk >= maxEvents || nanoTime.getAsLong() - chunkStart >= maxNanos || run.failed()) {
                    open = false;
                    if (!run.endChunk()) {
                        break;
                    }
                }
            }
            if (open) {
                run.endChunk();
            }
        } catch (RuntimeException e) {
            if (open) {
                run.abandon();
            }
            throw e;
        }
        return run.summary();
    }

    @Override
    public void close() {
        output.close();
    }

    /** The state of one {@link #ingestAll} call. */
    private final class Run {
        final InFlightWindow slots = new InFlightWindow(maxInFlight);
        private final Supplier<FileCheckpoint> position;
        private final Consumer<IngestionResult> onCommitted;
        private final List<IngestionResult> chunk = new ArrayList<>();
        private final Map<DlqStage, Long> deadLettered = new EnumMap<>(DlqStage.class);
        private volatile String failure;
        private long published;
        private long failedCommitted;
        private long transactions;
        private long aborted;
        private FileCheckpoint last;
        private String abortedBecause;

        Run(Supplier<FileCheckpoint> position, Consumer<IngestionResult> onCommitted) {
            this.position = position;
            this.onCommitted = onCommitted;
        }

        /** An event's outcome, on a transport thread or the calling one. */
        void outcome(IngestionResult result) {
            try {
                synchronized (chunk) {
                    if (result == null) {
                        failure = failure == null ? "an event's outcome was lost by the transport" : failure;
                        chunk.add(null);
                        return;
                    }
                    if (result instanceof IngestionResult.Failed f && failure == null) {
                        failure = "event with key " + f.ref().key() + " not acknowledged: " + f.reason();
                    }
                    chunk.add(result);
                }
            } finally {
                slots.release();
            }
        }

        boolean failed() {
            return failure != null;
        }

        /** Commits the chunk with the current position, or aborts it; false when reading must stop. */
        boolean endChunk() {
            awaitOutcomes();
            List<IngestionResult> outcomes;
            synchronized (chunk) {
                outcomes = List.copyOf(chunk.stream().filter(Objects::nonNull).toList());
                if (failure != null) {
                    abortChunk(chunk.size(), failure);
                    return false;
                }
            }
            FileCheckpoint checkpoint = position.get();
            try {
                output.commit(checkpoint);
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                abortChunk(
                        outcomes.size(),
                        message.startsWith(TransactionalOutput.COMMIT_OUTCOME_UNKNOWN)
                                ? message
                                : "the transaction could not be committed: " + message);
                return false;
            }
            transactions++;
            last = checkpoint;
            if (metrics != null) {
                metrics.commit();
            }
            synchronized (chunk) {
                chunk.clear();
            }
            for (IngestionResult r : outcomes) {
                if (r instanceof IngestionResult.Published) {
                    published++;
                } else if (r instanceof IngestionResult.DeadLettered dl) {
                    deadLettered.merge(dl.stage(), 1L, Long::sum);
                } else {
                    failedCommitted++;
                }
                onCommitted.accept(r);
            }
            return true;
        }

        /** The iterator failed: abort what is open, after its outcomes arrived. */
        void abandon() {
            awaitOutcomes();
            synchronized (chunk) {
                abortChunk(chunk.size(), "reading the input failed");
            }
        }

        private void awaitOutcomes() {
            output.publisher().flush();
            output.deadLetters().flush();
            slots.awaitEmpty();
        }

        private void abortChunk(int events, String why) {
            output.abort();
            if (metrics != null) {
                metrics.discard();
            }
            aborted += events;
            abortedBecause = why;
            chunk.clear();
        }

        CheckpointedSummary summary() {
            long dead =
                    deadLettered.values().stream().mapToLong(Long::longValue).sum();
            return new CheckpointedSummary(
                    new BatchSummary(published, dead, failedCommitted, deadLettered),
                    transactions,
                    Optional.ofNullable(last),
                    aborted,
                    Optional.ofNullable(abortedBecause));
        }
    }
}
