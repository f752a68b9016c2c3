package io.streamlake.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event that was bad data, on its way to its dataset's DLQ topic.
 *
 * @param key             the original key (so the dead letter lands on the key's partition); may be null
 * @param originalPayload the payload bytes exactly as received
 * @param metadata        the event's metadata: its original headers, and its source when it was read from a file
 * @param stage           where it failed
 * @param reason          why, readable by a person
 * @param errorClass      the kind of error, e.g. {@code SchemaViolation} or an exception's class name
 * @param failedAt        when it failed
 * @param originalTopic   the RAW topic it was meant for
 * @param deadLetterTopic the DLQ topic it goes to
 */
public record DeadLetter(
        String key,
        byte[] originalPayload,
        EventMetadata metadata,
        DlqStage stage,
        String reason,
        String errorClass,
        Instant failedAt,
        String originalTopic,
        String deadLetterTopic) {

    public DeadLetter {
        Objects.requireNonNull(originalPayload, "originalPayload");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(originalTopic, "originalTopic");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dead letter needs a reason");
        }
        if (errorClass == null || errorClass.isBlank()) {
            throw new IllegalArgumentException("a dead letter needs an error class");
        }
    }

    public DatasetName dataset() {
        return metadata.dataset();
    }

    /** The file and line the event was read from, when it came from a file. */
    public Optional<EventSource> source() {
        return metadata.source();
    }
}
