package io.streamlake.core.testing;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.TransactionalOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link TransactionalOutput} in memory: records sent in a transaction are pending until it commits (then they are
 * {@link #committedEvents() committed}, with the checkpoint) or aborts (then they are dropped). Acknowledges on the
 * calling thread; failures and refused commits can be scripted. Thread-safe.
 */
public final class InMemoryTransactionalOutput implements TransactionalOutput {

    private final List<OutboundEvent> pendingEvents = new ArrayList<>();
    private final List<DeadLetter> pendingDeadLetters = new ArrayList<>();
    private final List<OutboundEvent> committedEvents = new ArrayList<>();
    private final List<DeadLetter> committedDeadLetters = new ArrayList<>();
    private final List<FileCheckpoint> checkpoints = new ArrayList<>();
    private volatile Function<OutboundEvent, Throwable> failures = e -> null;
    private volatile Predicate<FileCheckpoint> refuseCommit = c -> false;
    private boolean open;
    private int aborts;
    private long offset;

    /** Fails the events {@code failures} gives an error for. */
    public InMemoryTransactionalOutput failWith(Function<OutboundEvent, Throwable> failures) {
        this.failures = failures;
        return this;
    }

    /** Refuses the commits of the checkpoints {@code refuse} accepts. */
    public InMemoryTransactionalOutput refuseCommit(Predicate<FileCheckpoint> refuse) {
        this.refuseCommit = refuse;
        return this;
    }

    /** A checkpoint committed before this run (as a killed run leaves it). */
    public synchronized InMemoryTransactionalOutput withCheckpoint(FileCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
        return this;
    }

    @Override
    public EventPublisher publisher() {
        return new EventPublisher() {
            @Override
            public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
                Throwable failure = failures.apply(event);
                if (failure != null) {
                    return CompletableFuture.failedFuture(failure);
                }
                return CompletableFuture.completedFuture(add(event.topic(), () -> pendingEvents.add(event)));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    @Override
    public DeadLetterPort deadLetters() {
        return new DeadLetterPort() {
            @Override
            public CompletableFuture<PublishReceipt> deadLetter(DeadLetter deadLetter) {
                return CompletableFuture.completedFuture(
                        add(deadLetter.deadLetterTopic(), () -> pendingDeadLetters.add(deadLetter)));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    private synchronized PublishReceipt add(String topic, Runnable append) {
        if (!open) {
            throw new IllegalStateException("no open transaction");
        }
        append.run();
        return new PublishReceipt(topic, 0, offset++, Instant.EPOCH);
    }

    @Override
    public synchronized Optional<FileCheckpoint> lastCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public synchronized void begin() {
        if (open) {
            throw new IllegalStateException("a transaction is already open");
        }
        open = true;
    }

    @Override
    public synchronized void commit(FileCheckpoint checkpoint) {
        if (!open) {
            throw new IllegalStateException("no open transaction");
        }
        if (refuseCommit.test(checkpoint)) {
            throw new IllegalStateException("commit refused (scripted)");
        }
        committedEvents.addAll(pendingEvents);
        committedDeadLetters.addAll(pendingDeadLetters);
        checkpoints.add(checkpoint);
        clearPending();
    }

    @Override
    public synchronized void abort() {
        if (open) {
            aborts++;
        }
        clearPending();
    }

    private void clearPending() {
        pendingEvents.clear();
        pendingDeadLetters.clear();
        open = false;
    }

    @Override
    public synchronized void close() {
        abort();
    }

    public synchronized List<OutboundEvent> committedEvents() {
        return List.copyOf(committedEvents);
    }

    public synchronized List<DeadLetter> committedDeadLetters() {
        return List.copyOf(committedDeadLetters);
    }

    /** Every checkpoint committed, oldest first (those given with {@link #withCheckpoint} included). */
    public synchronized List<FileCheckpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    public synchronized int aborts() {
        return aborts;
    }
}
