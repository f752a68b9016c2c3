package io.streamlake.core.service;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestEventUseCase;
import io.streamlake.core.port.in.IngestStreamUseCase;
import io.streamlake.core.port.in.StagedIngestUseCase;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Streams events through {@link IngestEventUseCase} with at most {@code maxInFlight} awaiting their
 * acknowledgement, so memory stays bounded whatever the input's length. A slot is taken before the next command is
 * taken from the iterator, so at most {@code maxInFlight} commands are ever taken and not yet resolved (a caller that
 * stops the iterator knows the most that can be in flight). Flushes once at the end, never per event.
 *
 * <p>With {@code prepareThreads > 0} (and a {@link StagedIngestUseCase}), events are parsed, validated and serialized
 * on that many worker threads while the calling thread reads the input, and handed to the transport in input order
 * (so each key's order is kept); with {@code 0}, the calling thread does everything, one event after another.
 * Either way, the outcomes are the same.
 *
 * <p>When an event fails with {@link PlatformUnavailableException} (the transport knows the platform is unreachable),
 * the stream stops reading: the events in flight get their outcomes, the rest of the iterator is left unread.
 */
public final class StreamIngestionService implements IngestStreamUseCase {

    private final IngestEventUseCase single;
    private final StagedIngestUseCase staged;
    private final int maxInFlight;
    private final int prepareThreads;
    private final Runnable flush;

    /**
     * Everything on the calling thread.
     *
     * @param single      ingests one event
     * @param maxInFlight how many events may await acknowledgement at once
     * @param flush       pushes out everything sent so far (the publisher's and the DLQ's {@code flush})
     */
    public StreamIngestionService(IngestEventUseCase single, int maxInFlight, Runnable flush) {
        this(single, null, maxInFlight, 0, flush);
    }

    /**
     * @param staged         ingests one event, in two stages
     * @param maxInFlight    how many events may be read and not yet acknowledged at once (being prepared, waiting to be
     *                       dispatched, or awaiting their acknowledgement)
     * @param prepareThreads how many threads prepare events; 0 prepares on the calling thread
     * @param flush          pushes out everything sent so far (the publisher's and the DLQ's {@code flush})
     */
    public StreamIngestionService(StagedIngestUseCase staged, int maxInFlight, int prepareThreads, Runnable flush) {
        this(staged, Objects.requireNonNull(staged, "staged"), maxInFlight, prepareThreads, flush);
    }

    private StreamIngestionService(
            IngestEventUseCase single,
            StagedIngestUseCase staged,
            int maxInFlight,
            int prepareThreads,
            Runnable flush) {
        this.single = Objects.requireNonNull(single, "single");
        this.staged = staged;
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (prepareThreads < 0) {
            throw new IllegalArgumentException("prepareThreads must not be negative, got " + prepareThreads);
        }
        this.maxInFlight = maxInFlight;
        this.prepareThreads = prepareThreads;
        this.flush = Objects.requireNonNull(flush, "flush");
    }

    @Override
    public BatchSummary ingestAll(Iterator<IngestCommand> commands, Consumer<IngestionResult> onResult) {
        InFlightWindow slots = new InFlightWindow(maxInFlight);
        Counts counts = new Counts();
        AtomicReference<RuntimeException> listenerError = new AtomicReference<>();
        AtomicBoolean unavailable = new AtomicBoolean();
        PreparePipeline.Sink sink = new PreparePipeline.Sink() {
            @Override
            public void outcome(IngestionResult result) {
                try {
                    if (result instanceof IngestionResult.Failed failed
                            && PlatformUnavailableException.isCauseOf(failed.cause())) {
                        unavailable.set(true);
                    }
                    counts.add(result);
                    onResult.accept(result);
                } catch (RuntimeException e) {
                    listenerError.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            }

            @Override
            public void abandoned() {
                slots.release();
            }
        };
        RuntimeException inputError = prepareThreads > 0
                ? pipelined(commands, slots, sink, unavailable)
                : oneByOne(commands, slots, sink, unavailable);
        flush.run();
        slots.awaitEmpty();
        if (inputError != null) {
            throw inputError;
        }
        if (listenerError.get() != null) {
            throw listenerError.get();
        }
        return counts.summary();
    }

    private RuntimeException oneByOne(
            Iterator<IngestCommand> commands,
            InFlightWindow slots,
            PreparePipeline.Sink sink,
            AtomicBoolean unavailable) {
        Consumer<IngestionResult> outcomes = sink::outcome;
        try {
            while (!unavailable.get() && commands.hasNext()) {
                slots.acquire();
                if (unavailable.get()) { // the platform became unreachable while the window was full
                    slots.release();
                    break;
                }
                try {
                    IngestCommand command = commands.next();
                    if (staged != null) {
                        staged.dispatch(staged.prepare(command), outcomes);
                    } else {
                        single.ingest(command)
                                .whenComplete((result, error) -> outcomes.accept(error == null ? result : null));
                    }
                } catch (RuntimeException e) {
                    sink.abandoned();
                    throw e;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private RuntimeException pipelined(
            Iterator<IngestCommand> commands,
            InFlightWindow slots,
            PreparePipeline.Sink sink,
            AtomicBoolean unavailable) {
        PreparePipeline pipeline = new PreparePipeline(staged, prepareThreads, sink);
        RuntimeException inputError = null;
        try {
            while (pipeline.error() == null && !unavailable.get() && commands.hasNext()) {
                slots.acquire();
                if (unavailable.get()) { // the platform became unreachable while the window was full
                    slots.release();
                    break;
                }
                IngestCommand command;
                try {
                    command = commands.next();
                } catch (RuntimeException e) {
                    slots.release();
                    throw e;
                }
                pipeline.submit(command);
            }
        } catch (RuntimeException e) {
            inputError = e;
        }
        try {
            pipeline.finish();
        } catch (RuntimeException e) {
            return inputError == null ? e : inputError;
        }
        return inputError;
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
