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
 * @param ruleName        the data-contract rule that dead-lettered it (the {@code dlq_rule} header); null when no rule
 *                        did. Required at stage {@link DlqStage#RULE}, except on a dead letter read back from a DLQ
 *                        record that lacks the header
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
        String deadLetterTopic,
        String ruleName) {

    /** A dead letter that no data-contract rule made. */
    public DeadLetter(
            String key,
            byte[] originalPayload,
            EventMetadata metadata,
            DlqStage stage,
            String reason,
            String errorClass,
            Instant failedAt,
            String originalTopic,
            String deadLetterTopic) {
        this(key, originalPayload, metadata, stage, reason, errorClass, failedAt, originalTopic, deadLetterTopic, null);
    }

    public DeadLetter {
        if (ruleName != null && ruleName.isBlank()) {
            throw new IllegalArgumentException("a rule name must not be blank");
        }
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

    /** The data-contract rule that dead-lettered the event, when one did. */
    public Optional<String> rule() {
        return Optional.ofNullable(ruleName);
    }

    /** The same dead letter with another key (e.g. a shortened one). */
    public DeadLetter withKey(String newKey) {
        return new DeadLetter(
                newKey,
                originalPayload,
                metadata,
                stage,
                reason,
                errorClass,
                failedAt,
                originalTopic,
                deadLetterTopic,
                ruleName);
    }

    /** The file and line the event was read from, when it came from a file. */
    public Optional<EventSource> source() {
        return metadata.source();
    }
}
