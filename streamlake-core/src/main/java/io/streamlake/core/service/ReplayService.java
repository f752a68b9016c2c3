package io.streamlake.core.service;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.ReplayOutcome;
import io.streamlake.core.domain.ReplaySummary;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestEventUseCase;
import io.streamlake.core.port.in.ReplayDeadLettersUseCase;
import io.streamlake.core.port.out.DeadLetterSource;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadValidator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Replays dead letters: a dry re-validation first, so one that still fails is left where it is rather than
 * dead-lettered a second time; those that pass go through the normal ingestion, keeping their ingestion id.
 */
public final class ReplayService implements ReplayDeadLettersUseCase {

    private final DeadLetterSource source;
    private final PayloadParser parser;
    private final PayloadValidator validator;
    private final IngestEventUseCase ingestion;
    private final int maxInFlight;
    private final Runnable flush;

    public ReplayService(
            DeadLetterSource source,
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
    public ReplaySummary replay(DatasetName dataset, long max, Consumer<ReplayOutcome> onOutcome) {
        Semaphore slots = new Semaphore(maxInFlight);
        AtomicLong republished = new AtomicLong();
        AtomicLong deadLettered = new AtomicLong();
        AtomicLong stays = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long read = source.readAll(dataset, max, recorded -> {
            Optional<String> stillBad = stillBad(recorded);
            if (stillBad.isPresent()) {
                stays.incrementAndGet();
                onOutcome.accept(new ReplayOutcome.Stays(recorded, stillBad.get()));
                return;
            }
            slots.acquireUninterruptibly();
            ingestion.ingest(command(recorded)).whenComplete((result, error) -> {
                try {
                    (result instanceof IngestionResult.Published
                                    ? republished
                                    : result instanceof IngestionResult.DeadLettered ? deadLettered : failed)
                            .incrementAndGet();
                    onOutcome.accept(new ReplayOutcome.Replayed(recorded, result));
                } finally {
                    slots.release();
                }
            });
        });
        flush.run();
        slots.acquireUninterruptibly(maxInFlight);
        return new ReplaySummary(read, republished.get(), deadLettered.get(), stays.get(), failed.get());
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
        return IngestCommand.of(dl.dataset(), dl.key(), dl.originalPayload())
                .withEventTime(dl.metadata().eventTime())
                .withAttributes(dl.metadata().attributes())
                .withIngestionId(dl.metadata().ingestionId());
    }
}
