package io.streamlake.core.port.out;

import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

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

    /**
     * Sends one event, as {@link #publish(OutboundEvent)}, and reports its outcome to {@code onDone} instead of a
     * future: {@code (receipt, null)} once the broker acknowledged it, or {@code (null, error)} with the error that
     * future would fail with. {@code onDone} is called exactly once: on a transport thread, or on the calling thread
     * when the event fails at once. It must not block. Never throws.
     *
     * <p>A stream calls this once per event; a transport may override it to report without a future per event (the
     * Kafka adapter calls {@code onDone} from the producer's own callback). The default completes through
     * {@link #publish(OutboundEvent)}'s future.
     */
    default void publish(OutboundEvent event, BiConsumer<PublishReceipt, Throwable> onDone) {
        CompletableFuture<PublishReceipt> future;
        try {
            future = publish(event);
        } catch (RuntimeException e) {
            onDone.accept(null, e);
            return;
        }
        future.whenComplete(onDone);
    }

    /** Blocks until every event sent so far is acknowledged or failed. */
    void flush();

    /** Flushes, then releases the connection. */
    @Override
    void close();
}
