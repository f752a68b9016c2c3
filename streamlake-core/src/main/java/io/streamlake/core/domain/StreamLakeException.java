package io.streamlake.core.domain;

/**
 * A failure of the platform, not of the data: broker, registry, authorization, time-out. It is never a
 * reason to dead-letter an event. {@link #isRetriable()} says whether the same call may succeed later,
 * as Kafka's {@code RetriableException} does.
 */
public abstract class StreamLakeException extends RuntimeException {

    protected StreamLakeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when retrying the same operation unchanged may succeed. */
    public abstract boolean isRetriable();
}
