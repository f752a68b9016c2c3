package io.streamlake.core.testing;

import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.EventPublisher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * An in-memory {@link EventPublisher}: keeps every event per topic, partitions by the key's hash.
 * {@link #failWith} scripts broker rejections ({@code RejectedPayloadException}) or outages
 * ({@code StreamLakeException}).
 */
public final class InMemoryEventPublisher extends InMemorySink<OutboundEvent> implements EventPublisher {

    public InMemoryEventPublisher() {
        this(6);
    }

    public InMemoryEventPublisher(int partitions) {
        super(partitions);
    }

    public InMemoryEventPublisher failWith(Function<OutboundEvent, Throwable> failures) {
        setFailures(failures);
        return this;
    }

    public InMemoryEventPublisher acknowledgeOn(Executor executor) {
        setAcknowledger(executor);
        return this;
    }

    @Override
    public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
        return accept(event.topic(), event.key(), event);
    }
}
