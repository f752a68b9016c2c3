package io.streamlake.core.domain;

/**
 * The data, not the platform, is at fault: a serializer cannot encode the payload, or the broker refuses
 * the record for its content (too large for the topic). The ingestion use case dead-letters the event.
 */
public class RejectedPayloadException extends RuntimeException {

    private final String errorClass;

    /**
     * @param errorClass the kind of error, written to the {@code dlq_error_class} header
     * @param message    why, readable by a person
     */
    public RejectedPayloadException(String errorClass, String message, Throwable cause) {
        super(message, cause);
        if (errorClass == null || errorClass.isBlank()) {
            throw new IllegalArgumentException("error class must not be blank");
        }
        this.errorClass = errorClass;
    }

    public RejectedPayloadException(String errorClass, String message) {
        this(errorClass, message, null);
    }

    public String errorClass() {
        return errorClass;
    }
}
