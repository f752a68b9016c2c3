package io.streamlake.core.service;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestEventUseCase;
import io.streamlake.core.port.in.IngestStreamUseCase;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Streams events through {@link IngestEventUseCase} with at most {@code maxInFlight} awaiting their
 * acknowledgement, so memory stays bounded whatever the input's length. Flushes once at the end, never
 * per event.
 */
public final class StreamIngestionService implements IngestStreamUseCase {

    private final IngestEventUseCase single;
    private final int maxInFlight;
    private final Runnable flush;

    /**
     * @param single      ingests one event
     * @param maxInFlight how many events may await acknowledgement at once
     * @param flush       pushes out everything sent so far (the publisher's and the DLQ's {@code flush})
     */
    public StreamIngestionService(IngestEventUseCase single, int maxInFlight, Runnable flush) {
        this.single = Objects.requireNonNull(single, "single");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.flush = Objects.requireNonNull(flush, "flush");
    }

    @Override
    public BatchSummary ingestAll(Iterator<IngestCommand> commands, Consumer<IngestionResult> onResult) {
        Semaphore slots = new Semaphore(maxInFlight);
        Counts counts = new Counts();
        AtomicReference<RuntimeException> listenerError = new AtomicReference<>();
        RuntimeException inputError = null;
        try {
            while (commands.hasNext()) {
                IngestCommand command = commands.next();
                slots.acquireUninterruptibly();
                CompletableFuture<IngestionResult> pending;
                try {
                    pending = single.ingest(command);
                } catch (RuntimeException e) {
                    slots.release();
                    throw e;
                }
                pending.whenComplete((result, error) -> {
                    try {
                        counts.add(result);
                        onResult.accept(result);
                    } catch (RuntimeException e) {
                        listenerError.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            inputError = e;
        }
        flush.run();
        slots.acquireUninterruptibly(maxInFlight);
        if (inputError != null) {
            throw inputError;
        }
        if (listenerError.get() != null) {
            throw listenerError.get();
        }
        return counts.summary();
    }

    private static final class Counts {
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final Map<DlqStage, AtomicLong> deadLettered = new EnumMap<>(DlqStage.class);

        Counts() {
            for (DlqStage stage : DlqStage.values()) {
                deadLettered.put(stage, new AtomicLong());
            }
        }

        void add(IngestionResult result) {
            if (result instanceof IngestionResult.Published) {
                published.incrementAndGet();
            } else if (result instanceof IngestionResult.DeadLettered dl) {
                deadLettered.get(dl.stage()).incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }

        BatchSummary summary() {
            Map<DlqStage, Long> byStage = new EnumMap<>(DlqStage.class);
            long total = 0;
            for (Map.Entry<DlqStage, AtomicLong> e : deadLettered.entrySet()) {
                if (e.getValue().get() > 0) {
                    byStage.put(e.getKey(), e.getValue().get());
                    total += e.getValue().get();
                }
            }
            return new BatchSummary(published.get(), total, failed.get(), byStage);
        }
    }
}
