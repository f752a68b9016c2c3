package io.streamlake.core.service;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterPosition;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.ReplayOutcome;
import io.streamlake.core.domain.ReplaySummary;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestEventUseCase;
import io.streamlake.core.port.in.ReplayCommand;
import io.streamlake.core.port.in.ReplayDeadLettersUseCase;
import io.streamlake.core.port.out.DeadLetterBacklog;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadValidator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Replays dead letters: a dry re-validation first, so one that still fails is left where it is rather than
 * dead-lettered a second time; those that pass go through the normal ingestion, keeping their ingestion id. What
 * was handled is committed to the {@link DeadLetterBacklog} every second and once every outcome is in, never before
 * the outcomes it covers.
 */
public final class ReplayService implements ReplayDeadLettersUseCase {

    /** How often a long replay records what it handled so far; an interrupted one repeats only what came after. */
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DeadLetterBacklog source;
    private final PayloadParser parser;
    private final PayloadValidator validator;
    private final IngestEventUseCase ingestion;
    private final int maxInFlight;
    private final Runnable flush;

    public ReplayService(
            DeadLetterBacklog source,
            PayloadParser parser,
            PayloadValidator validator,
            IngestEventUseCase ingestion,
            int maxInFlight,
            Runnable flush) {
        this.source = Objects.requireNonNull(source, "source");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.flush = Objects.requireNonNull(flush, "flush");
    }

    @Override
    public ReplaySummary replay(ReplayCommand command, Consumer<ReplayOutcome> onOutcome) {
        Semaphore slots = new Semaphore(maxInFlight);
        AtomicLong republished = new AtomicLong();
        AtomicLong deadLettered = new AtomicLong();
        AtomicLong stays = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ReplayProgress progress = new ReplayProgress();
        try (DeadLetterBacklog.Replay backlog = source.open(command.dataset(), command.fromBeginning())) {
            long[] lastCommit = {System.nanoTime()};
            long read = backlog.read(command.max(), (recorded, position) -> {
                progress.read(position);
                Optional<String> stillBad = stillBad(recorded);
                if (stillBad.isPresent()) {
                    stays.incrementAndGet();
                    progress.handled(position);
                    onOutcome.accept(new ReplayOutcome.Stays(recorded, stillBad.get()));
                } else {
                    slots.acquireUninterruptibly();
                    ingestion.ingest(command(recorded)).whenComplete((result, error) -> {
                        try {
                            if (result instanceof IngestionResult.Published) {
                                republished.incrementAndGet();
                                progress.handled(position);
                            } else if (result instanceof IngestionResult.DeadLettered) {
                                deadLettered.incrementAndGet();
                                progress.handled(position);
                            } else {
                                failed.incrementAndGet();
                                progress.failed(position);
                            }
                            onOutcome.accept(new ReplayOutcome.Replayed(recorded, result));
                        } finally {
                            slots.release();
                        }
                    });
                }
                if (System.nanoTime() - lastCommit[0] >= COMMIT_INTERVAL_NANOS) {
                    commit(backlog, progress);
                    lastCommit[0] = System.nanoTime();
                }
            });
            flush.run();
            slots.acquireUninterruptibly(maxInFlight);
            commit(backlog, progress);
            return new ReplaySummary(
                    read, republished.get(), deadLettered.get(), stays.get(), failed.get(), backlog.alreadyReplayed());
        }
    }

    private static void commit(DeadLetterBacklog.Replay backlog, ReplayProgress progress) {
        List<DeadLetterPosition> advanced = progress.advanced();
        if (!advanced.isEmpty()) {
            backlog.commit(advanced);
        }
    }

    private Optional<String> stillBad(RecordedDeadLetter recorded) {
        if (recorded.truncated()) {
            return Optional.of("the DLQ kept only the first bytes of this payload; it cannot be replayed");
        }
        DeadLetter dl = recorded.deadLetter();
        ParseOutcome parsed = parser.parse(dl.originalPayload());
        if (parsed instanceof ParseOutcome.Malformed malformed) {
            return Optional.of(malformed.reason());
        }
        ValidationOutcome valid =
                validator.validate(dl.dataset(), Optional.empty(), ((ParseOutcome.Parsed) parsed).payload());
        return valid instanceof ValidationOutcome.Invalid invalid ? Optional.of(invalid.reason()) : Optional.empty();
    }

    private static IngestCommand command(RecordedDeadLetter recorded) {
        DeadLetter dl = recorded.deadLetter();
        IngestCommand command = IngestCommand.of(dl.dataset(), dl.key(), dl.originalPayload())
                .withEventTime(dl.metadata().eventTime())
                .withAttributes(dl.metadata().attributes())
                .withIngestionId(dl.metadata().ingestionId());
        // the republished event keeps the file and line it was first read from
        return dl.source().isPresent() ? command.withSource(dl.source().get()) : command;
    }
}
