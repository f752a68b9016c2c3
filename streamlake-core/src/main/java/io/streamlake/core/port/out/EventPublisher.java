package io.streamlake.core.port.out;

import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes events to their RAW topic, asynchronously. Thread-safe.
 */
public interface EventPublisher extends AutoCloseable {

    /**
     * Sends one event. The future completes when the broker acknowledges it, and only then.
     * It fails with {@link io.streamlake.core.domain.RejectedPayloadException} when the broker refuses the
     * record for its content (too large), and with {@link io.streamlake.core.domain.StreamLakeException}
     * (retriable or fatal) when the platform could not deliver it within the delivery timeout.
     */
    CompletableFuture<PublishReceipt> publish(OutboundEvent event);

    /** Blocks until every event sent so far is acknowledged or failed. */
    void flush();

    /** Flushes, then releases the connection. */
    @Override
    void close();
}
