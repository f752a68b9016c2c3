package io.streamlake.core.testing;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.DeadLetterPort;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** An in-memory {@link DeadLetterPort}: keeps every dead letter on its DLQ topic. */
public final class InMemoryDeadLetterPort extends InMemorySink<DeadLetter> implements DeadLetterPort {

    public InMemoryDeadLetterPort() {
        this(6);
    }

    public InMemoryDeadLetterPort(int partitions) {
        super(partitions);
    }

    public InMemoryDeadLetterPort failWith(Function<DeadLetter, Throwable> failures) {
        setFailures(failures);
        return this;
    }

    public InMemoryDeadLetterPort acknowledgeOn(Executor executor) {
        setAcknowledger(executor);
        return this;
    }

    @Override
    public CompletableFuture<PublishReceipt> deadLetter(DeadLetter deadLetter) {
        return accept(deadLetter.deadLetterTopic(), deadLetter.key(), deadLetter);
    }
}
