package io.streamlake.core.port.out;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.PublishReceipt;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes dead letters to their DLQ topic ({@link DeadLetter#deadLetterTopic()}), asynchronously. Thread-safe.
 */
public interface DeadLetterPort extends AutoCloseable {

    /**
     * Sends one dead letter, keeping its key and original headers. The future completes on the broker's
     * acknowledgement; it fails with {@link io.streamlake.core.domain.StreamLakeException} when the platform
     * could not deliver it.
     */
    CompletableFuture<PublishReceipt> deadLetter(DeadLetter deadLetter);

    /** Blocks until every dead letter sent so far is acknowledged or failed. */
    void flush();

    @Override
    void close();
}
