package io.streamlake.core.domain;

import java.util.Objects;

/**
 * The one outcome of ingesting one event. Every input ends in exactly one of these.
 * Expected outcomes are values, not exceptions: a rejected event is {@link DeadLettered}, an event the
 * platform could not deliver is {@link Failed}.
 */
public sealed interface IngestionResult {

    /** Which event this is about. */
    EventRef ref();

    /** The event was acknowledged by the broker on its RAW topic. */
    record Published(EventRef ref, SchemaVersion schemaVersion, PublishReceipt receipt) implements IngestionResult {
        public Published {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(schemaVersion, "schemaVersion");
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * The event was bad data and its dead letter was acknowledged on the DLQ topic.
     *
     * @param errorClass the kind of error, as in the {@code dlq_error_class} header
     * @param rule       the data-contract rule that dead-lettered it (the {@code dlq_rule} header), null when none did
     */
    record DeadLettered(
            EventRef ref, DlqStage stage, String errorClass, String reason, PublishReceipt receipt, String rule)
            implements IngestionResult {

        /** A dead letter that no data-contract rule made. */
        public DeadLettered(EventRef ref, DlqStage stage, String errorClass, String reason, PublishReceipt receipt) {
            this(ref, stage, errorClass, reason, receipt, null);
        }

        public DeadLettered {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(errorClass, "errorClass");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * The platform could not get the event acknowledged (broker unreachable, authorization refused,
     * registry down, delivery timeout). Never dead-lettered: the caller decides whether to try again.
     *
     * @param retriable true when the same event may succeed later unchanged
     */
    record Failed(EventRef ref, String reason, boolean retriable, Throwable cause) implements IngestionResult {
        public Failed {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
