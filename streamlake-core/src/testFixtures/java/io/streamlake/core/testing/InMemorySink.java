package io.streamlake.core.testing;

import io.streamlake.core.domain.PublishReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What the in-memory publishers share: a log per topic and partition, scripted failures, and optional
 * asynchronous acknowledgement with a count of the most records ever awaiting it at once.
 */
abstract class InMemorySink<T> {

    private final int partitions;
    private final Map<String, List<Stored<T>>> topics = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> nextOffsets = new ConcurrentHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger peakOutstanding = new AtomicInteger();
    private volatile Function<T, Throwable> failures = r -> null;
    private volatile Executor acknowledger = Runnable::run;
    private volatile boolean closed;

    InMemorySink(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        this.partitions = partitions;
    }

    /** Scripts failures: the function returns the error to fail a record with, or null to accept it. */
    void setFailures(Function<T, Throwable> failures) {
        this.failures = failures;
    }

    /** Acknowledges on {@code executor} instead of the calling thread. */
    void setAcknowledger(Executor executor) {
        this.acknowledger = executor;
    }

    CompletableFuture<PublishReceipt> accept(String topic, String key, T record) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        CompletableFuture<PublishReceipt> future = new CompletableFuture<>();
        peakOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
        acknowledger.execute(() -> {
            Throwable failure = failures.apply(record);
            outstanding.decrementAndGet();
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(store(topic, key, record));
            }
        });
        return future;
    }

    private PublishReceipt store(String topic, String key, T record) {
        int partition = key == null ? 0 : Math.floorMod(key.hashCode(), partitions);
        long offset = nextOffsets
                .computeIfAbsent(topic + "/" + partition, t -> new AtomicLong())
                .getAndIncrement();
        PublishReceipt receipt = new PublishReceipt(topic, partition, offset, Instant.EPOCH.plusMillis(offset));
        List<Stored<T>> log = topics.computeIfAbsent(topic, t -> new ArrayList<>());
        synchronized (log) {
            log.add(new Stored<>(record, receipt));
        }
        return receipt;
    }

    /** Every record accepted on {@code topic}, in acceptance order. */
    public List<Stored<T>> stored(String topic) {
        List<Stored<T>> log = topics.getOrDefault(topic, List.of());
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Every record accepted on any topic, with where it landed. */
    List<Stored<T>> snapshot() {
        return topics.values().stream()
                .flatMap(l -> {
                    synchronized (l) {
                        return List.copyOf(l).stream();
                    }
                })
                .toList();
    }

    /** Every record accepted on any topic. */
    public List<T> all() {
        return snapshot().stream().map(Stored::record).toList();
    }

    /** The most records that were ever awaiting acknowledgement at the same time. */
    public int peakOutstanding() {
        return peakOutstanding.get();
    }

    public void flush() {
        while (outstanding.get() > 0) {
            Thread.onSpinWait();
        }
    }

    public void close() {
        flush();
        closed = true;
    }
}
