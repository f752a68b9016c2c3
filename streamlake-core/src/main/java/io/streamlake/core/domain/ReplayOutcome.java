package io.streamlake.core.domain;

import java.util.Objects;

/** What replaying one dead letter did. */
public sealed interface ReplayOutcome {

    /** The dead letter replayed. */
    RecordedDeadLetter deadLetter();

    /** It now passes and was ingested again; {@code result} is that ingestion's outcome. */
    record Replayed(RecordedDeadLetter deadLetter, IngestionResult result) implements ReplayOutcome {
        public Replayed {
            Objects.requireNonNull(deadLetter, "deadLetter");
            Objects.requireNonNull(result, "result");
        }
    }

    /** It still does not pass (or cannot be replayed); it stays in the DLQ, nothing is written. */
    record Stays(RecordedDeadLetter deadLetter, String reason) implements ReplayOutcome {
        public Stays {
            Objects.requireNonNull(deadLetter, "deadLetter");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
