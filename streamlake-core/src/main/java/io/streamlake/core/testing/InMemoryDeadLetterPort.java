package io.streamlake.core.testing;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.DeadLetterPort;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** An in-memory {@link DeadLetterPort}: keeps every dead letter on its dataset's DLQ topic. */
public final class InMemoryDeadLetterPort extends InMemorySink<DeadLetter> implements DeadLetterPort {

    private final TopicNaming topics;

    public InMemoryDeadLetterPort() {
        this(TopicNaming.defaults(), 6);
    }

    public InMemoryDeadLetterPort(TopicNaming topics, int partitions) {
        super(partitions);
        this.topics = topics;
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
        return accept(topics.deadLetter(deadLetter.dataset()), deadLetter.key(), deadLetter);
    }
}
