package io.streamlake.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A dead letter read back from a DLQ topic.
 *
 * @param deadLetter the dead letter as it was written (its payload is what the DLQ kept)
 * @param truncated  true when the DLQ kept only the payload's first bytes, so it cannot be replayed
 * @param position   where it was read, e.g. {@code streamlake.orders.dlq/3@42}
 */
public record RecordedDeadLetter(DeadLetter deadLetter, boolean truncated, String position) {

    public RecordedDeadLetter {
        Objects.requireNonNull(deadLetter, "deadLetter");
        Objects.requireNonNull(position, "position");
    }

    /** The version asked for, or the one it was validated against before it failed, when known. */
    public Optional<SchemaVersion> schemaVersion() {
        return deadLetter.metadata().schemaVersion();
    }
}
