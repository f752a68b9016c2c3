package io.streamlake.core.testing;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.DeadLetterSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory {@link DeadLetterPort}: keeps every dead letter on its DLQ topic, and reads them back as a
 * {@link DeadLetterSource} (never truncated: it keeps the whole payload).
 */
public final class InMemoryDeadLetterPort extends InMemorySink<DeadLetter> implements DeadLetterPort, DeadLetterSource {

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

    @Override
    public long readAll(DatasetName dataset, long max, Consumer<RecordedDeadLetter> sink) {
        long n = 0;
        for (Stored<DeadLetter> stored : snapshot()) {
            if (n >= max) {
                break;
            }
            if (stored.record().dataset().equals(dataset)) {
                sink.accept(new RecordedDeadLetter(
                        stored.record(),
                        false,
                        stored.receipt().topic() + "/" + stored.receipt().partition() + "@"
                                + stored.receipt().offset()));
                n++;
            }
        }
        return n;
    }
}
