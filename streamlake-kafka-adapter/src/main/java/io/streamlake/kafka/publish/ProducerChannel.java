package io.streamlake.kafka.publish;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.domain.PublishReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Utils;

/**
 * The one producer the event publisher and the dead-letter port share. A send's outcome (its future, or its
 * {@code onDone}) is reported only from the producer's callback: on success there, on the producer's I/O thread; on
 * failure on a separate thread, because what follows a failure may be a new send (a dead letter), and a send from
 * the I/O thread could wait for metadata only that thread fetches. Nothing thrown by {@code send} escapes: it is
 * reported as the send's failure. The producer is closed when the last of its users releases it. Thread-safe.
 *
 * <p>A topic that is not in the cluster's metadata (it does not exist and the broker does not create topics on
 * demand) makes {@code KafkaProducer.send} wait {@code max.block.ms} (60 s by default) for every record. After one
 * such wait has timed out although the cluster answered a metadata request during it (without the topic), sends to
 * that topic fail at once, with a message that says so, for the next {@code max.block.ms}; then the next send waits
 * again (the topic may have been created meanwhile). So a run against a missing topic reports its events failed
 * within about {@code max.block.ms} instead of one wait per event. When no answer came during the wait (an outage,
 * or a cluster slower to answer than a small {@code max.block.ms}) every send still waits, as kafka-clients does.
 *
 * <p>An outage is the {@link OutageBreaker}'s: while it is open (no broker answered for {@code outage.fail.after.ms})
 * every send fails at once with its {@code PlatformUnavailableException}, without reaching the producer. A send that
 * is already inside {@code KafkaProducer.send} when it opens (waiting for metadata the producer forgot when it lost
 * every broker, or for buffer memory) is woken: its thread is interrupted, the send fails with the breaker's
 * exception, and the interrupt is cleared before {@code send} returns, so the caller never sees it. An interrupt the
 * caller's thread already had when it called is left as it was; one that arrives from elsewhere during the same call
 * is taken for the breaker's. An error thrown by the producer leaves the call too.
 */
final class ProducerChannel {

    /** Turns a client exception into what the future fails with. */
    @FunctionalInterface
    interface FailureMapping {
        Throwable map(String topic, Throwable error);
    }

    private static final AtomicIntegerFieldUpdater<Delivery> REPORTED =
            AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "reported");
    private static final AtomicIntegerFieldUpdater<Inside> INSIDE =
            AtomicIntegerFieldUpdater.newUpdater(Inside.class, "state");
    /** {@link Inside#state}: its thread is inside the producer call. */
    private static final int IN_CALL = 0;
    /** {@link Inside#state}: the producer call returned or threw, and its thread was not woken. */
    private static final int RETURNED = 1;
    /** {@link Inside#state}: the breaker opened during the call; its thread is being interrupted. */
    private static final int WAKING = 2;
    /** {@link Inside#state}: the breaker opened during the call, and its thread is interrupted. */
    private static final int INTERRUPTED = 3;

    private final Producer<byte[], byte[]> producer;
    private final OutageBreaker breaker;
    /** Null when the producer's own size checks are enough (not transactional). */
    private final RecordSizeCheck sizeCheck;

    private final long maxBlockNanos;
    /** Topics whose metadata wait timed out, with the {@code System.nanoTime()} until which sends fail at once. */
    private final Map<String, Long> absentUntil = new ConcurrentHashMap<>();

    private volatile boolean anyAbsent;
    /**
     * The calls inside the producer that may wait for the cluster: those the breaker wakes when it opens. Each sending
     * thread has one {@link Inside} of its own in it, registered on its first send and reused by its later calls (a
     * concurrent set's add and remove for every record cost the publishing thread more than the rest of this class);
     * a call made while its thread is already inside one (a failure reported inline that sends a dead letter) gets an
     * {@link Inside} of its own, added for the call's duration. Slots of threads that ended are dropped whenever a new
     * thread registers.
     */
    private final Set<Inside> insideCalls = ConcurrentHashMap.newKeySet();
    /** The calling thread's own {@link Inside}, registered in {@link #insideCalls}. */
    private final ThreadLocal<Inside> threadSlot = new ThreadLocal<>();

    private final ExecutorService failureThread;
    private final AtomicInteger users;
    private volatile Thread failureThreadRef;
    private volatile boolean closed;
    /** How long closing waits for outstanding requests; null: until they complete. */
    private final Duration closeTimeout;
    /** The breaker opened and closed the (transactional) producer: {@link #closeForOutage()}. */
    private volatile boolean closedForOutage;

    ProducerChannel(Producer<byte[], byte[]> producer, OutageBreaker breaker, int users, long maxBlockMs) {
        this(producer, breaker, users, maxBlockMs, null, null);
    }

    /**
     * @param sizeCheck    refuses a too-large record without sending it (for a transactional producer, where the
     *                     producer's own refusal would abort the whole transaction); null to leave it to the producer
     * @param closeTimeout how long the last {@link #release()} waits for the producer to close (for a transactional
     *                     producer, whose records count only once committed, so nothing is lost by not waiting);
     *                     null to wait for every outstanding acknowledgement, however long the cluster is away
     */
    ProducerChannel(
            Producer<byte[], byte[]> producer,
            OutageBreaker breaker,
            int users,
            long maxBlockMs,
            RecordSizeCheck sizeCheck,
            Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
        this.producer = producer;
        this.breaker = breaker;
        this.sizeCheck = sizeCheck;
        this.maxBlockNanos = TimeUnit.MILLISECONDS.toNanos(maxBlockMs);
        this.users = new AtomicInteger(users);
        this.failureThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "streamlake-kafka-failures");
            t.setDaemon(true);
            failureThreadRef = t;
            return t;
        });
        breaker.onOpen(this::wakeCalls);
        if (closeTimeout != null) {
            breaker.onOpen(this::closeForOutage);
        }
    }

    /**
     * Closes a transactional producer at once, on a thread of its own, when the breaker opens: its I/O thread looks
     * for the unreachable transaction coordinator instead of expiring batches, so the records it holds would wait for
     * the cluster's return, and with them every thread waiting for their outcome (a flush, a reader whose in-flight
     * window is full). Closed, it fails every record not acknowledged, which this channel reports with the breaker's
     * exception. Nothing is lost: the open transaction cannot commit (sends fail while the breaker is open), and a
     * resumed run starts from the last committed checkpoint. Runs on the breaker's thread.
     */
    private void closeForOutage() {
        if (!breaker.isOpen() || closedForOutage) {
            return;
        }
        closedForOutage = true;
        Thread closing = new Thread(() -> producer.close(Duration.ZERO), "streamlake-kafka-outage-close");
        closing.setDaemon(true);
        closing.start();
    }

    /**
     * Interrupts every thread inside a producer call that may wait for the cluster: the breaker has just opened, so
     * each is waiting for a cluster that stopped answering. Runs on the breaker's thread.
     */
    private void wakeCalls() {
        if (!breaker.isOpen()) {
            return; // a probe answered right after it opened: nothing waits for a silent cluster
        }
        for (Inside call : insideCalls) {
            if (INSIDE.compareAndSet(call, IN_CALL, WAKING)) {
                call.thread.interrupt();
                call.state = INTERRUPTED;
            }
        }
    }

    /**
     * The calling thread enters a producer call that may wait for the cluster: from now on until {@link #leave} the
     * breaker wakes it when it opens.
     */
    private Inside enter() {
        Inside call = threadSlot.get();
        if (call == null) {
            call = new Inside(true);
            insideCalls.removeIf(other -> !other.thread.isAlive());
            insideCalls.add(call);
            threadSlot.set(call);
        } else if (call.busy) { // this thread is inside a call already
            call = new Inside(false);
            insideCalls.add(call);
        }
        call.busy = true;
        call.interruptedBefore = call.thread.isInterrupted();
        call.state = IN_CALL;
        return call;
    }

    /**
     * {@code call}'s thread leaves the producer; returns whether the breaker woke it meanwhile. The breaker's interrupt
     * is cleared then, and the thread is left interrupted only if it was when it entered (an interrupt from elsewhere
     * that arrives during the same call is taken for the breaker's).
     */
    private boolean leave(Inside call) {
        boolean woken = false;
        if (!INSIDE.compareAndSet(call, IN_CALL, RETURNED)) {
            while (call.state != INTERRUPTED) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
            if (call.interruptedBefore) {
                call.thread.interrupt();
            }
            woken = true;
        }
        call.busy = false;
        if (!call.reused) {
            insideCalls.remove(call);
        }
        return woken;
    }

    CompletableFuture<PublishReceipt> send(ProducerRecord<byte[], byte[]> record, FailureMapping mapping) {
        CompletableFuture<PublishReceipt> future = new CompletableFuture<>();
        send(record, mapping, completing(future));
        return future;
    }

    /** An {@code onDone} that completes {@code future}: for callers that want the future form. */
    static BiConsumer<PublishReceipt, Throwable> completing(CompletableFuture<PublishReceipt> future) {
        return (receipt, error) -> {
            if (error == null) {
                future.complete(receipt);
            } else {
                future.completeExceptionally(error);
            }
        };
    }

    /**
     * Sends {@code record} and reports its outcome to {@code onDone} exactly once, without a future: from the
     * producer's callback on its I/O thread when acknowledged, from the failure thread when not (or on the calling
     * thread for a topic known to be absent, while the outage breaker is open, or for a record the size check
     * refuses). Never throws.
     */
    void send(
            ProducerRecord<byte[], byte[]> record,
            FailureMapping mapping,
            BiConsumer<PublishReceipt, Throwable> onDone) {
        if (breaker.isOpen()) {
            PlatformUnavailableException down = breaker.failure(record.topic());
            if (down != null) {
                onDone.accept(null, mapping.map(record.topic(), down));
                return;
            }
        }
        if (anyAbsent && knownAbsent(record.topic())) {
            onDone.accept(
                    null,
                    mapping.map(
                            record.topic(),
                            new TimeoutException("Topic " + record.topic()
                                    + " not present in metadata: a send waited max.block.ms ("
                                    + TimeUnit.NANOSECONDS.toMillis(maxBlockNanos)
                                    + " ms) for it less than max.block.ms ago and the cluster answered without it, so this record was not sent."
                                    + " Does the topic exist? Provision it (e.g. streamlake topics create) or let the broker create"
                                    + " topics")));
            return;
        }
        if (sizeCheck != null) {
            RecordTooLargeException tooLarge = sizeCheck.refusal(record);
            if (tooLarge != null) {
                onDone.accept(null, mapping.map(record.topic(), tooLarge));
                return;
            }
        }
        Delivery delivery = new Delivery(record.topic(), mapping, onDone);
        delivery.sending = Thread.currentThread();
        breaker.sent();
        Inside call = enter();
        RuntimeException thrown = null;
        boolean woken;
        try {
            // the breaker opens before it wakes the calls inside: one added after its wake sees it open here
            thrown = breaker.failure(record.topic());
            if (thrown == null) {
                producer.send(record, delivery);
            }
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            woken = leave(call);
            delivery.sending = null;
        }
        if (thrown != null && delivery.claim()) {
            breaker.finished(false);
            // woken by the breaker, or refused by the producer it closed (closeForOutage)
            PlatformUnavailableException down = woken || closedForOutage ? breaker.lastOpening(record.topic()) : null;
            onDone.accept(null, mapping.map(record.topic(), down != null ? down : thrown));
        }
    }

    private boolean knownAbsent(String topic) {
        Long until = absentUntil.get(topic);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        absentUntil.remove(topic, until);
        anyAbsent = !absentUntil.isEmpty();
        return false;
    }

    /**
     * A time-out reported while {@code send} itself was running, on the sending thread, is the producer's wait for
     * the topic's metadata (a full buffer is a {@link BufferExhaustedException}; delivery time-outs arrive later, on
     * the I/O thread).
     */
    private void noteMetadataTimeout(String topic, Exception exception, Thread sending) {
        if (sending == Thread.currentThread()
                && exception instanceof TimeoutException
                && !(exception instanceof BufferExhaustedException)
                && metadataAnsweredWithin(maxBlockNanos)) {
            absentUntil.put(topic, System.nanoTime() + maxBlockNanos);
            anyAbsent = true;
        }
    }

    /**
     * Whether the producer's metadata was last updated less than {@code nanos} ago ({@code metadata-age} of
     * {@code producer-metrics}): read right after a metadata wait of {@code max.block.ms} timed out, it tells whether
     * the cluster answered during that wait, and so that the topic, not the cluster, is what is missing. A connection
     * alone does not tell it: a loaded cluster may be connected and still slower than a small {@code max.block.ms}
     * to send the first metadata, and the topic is then there a moment later. Read only when a wait has timed out.
     */
    private boolean metadataAnsweredWithin(long nanos) {
        for (Map.Entry<MetricName, ? extends Metric> e : producer.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (name.name().equals("metadata-age")
                    && name.group().equals("producer-metrics")
                    && e.getValue().metricValue() instanceof Number seconds) {
                return seconds.doubleValue() * 1e9 < nanos;
            }
        }
        return false;
    }

    /**
     * The partition Kafka's default partitioner gives {@code key} on {@code topic}: {@code toPositive(murmur2(key)) %
     * partitions}. May wait up to {@code max.block.ms} for the topic's metadata, or until the outage breaker opens;
     * while it is open, throws its {@code PlatformUnavailableException} at once.
     */
    int partitionForKey(String topic, byte[] key) {
        Inside call = enter();
        RuntimeException thrown = null;
        int partitions = 0;
        boolean woken;
        try {
            thrown = breaker.failure(topic);
            if (thrown == null) {
                partitions = producer.partitionsFor(topic).size();
            }
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            woken = leave(call);
        }
        if (woken && thrown != null) {
            PlatformUnavailableException down = breaker.lastOpening(topic);
            throw down != null ? down : thrown;
        }
        if (thrown != null) {
            throw thrown;
        }
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    /**
     * Blocks until every record sent so far is acknowledged or failed, and its future completed. For a transactional
     * producer the wait ends at the latest when the outage breaker opens ({@link #closeForOutage()}).
     */
    void flush() {
        if (closed) {
            return;
        }
        producer.flush();
        if (Thread.currentThread() != failureThreadRef) {
            try {
                failureThread.submit(() -> {}).get();
            } catch (RejectedExecutionException e) {
                // closed: every failure was already completed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("cannot happen: an empty task failed", e);
            }
        }
    }

    Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    /** Whether the outage breaker is open: no broker answered for {@code outage.fail.after.ms}. */
    boolean outage() {
        return breaker.isOpen();
    }

    /** Whether the breaker opened and closed the transactional producer ({@link #closeForOutage()}). */
    boolean closedForOutage() {
        return closedForOutage;
    }

    /**
     * One user is done; the last one closes the producer, waiting for every outstanding acknowledgement, or at most
     * the close time-out when one was given.
     */
    void release() {
        if (users.decrementAndGet() == 0) {
            closed = true;
            try {
                if (closeTimeout == null) {
                    producer.close();
                } else {
                    producer.close(closeTimeout);
                }
            } finally {
                breaker.close();
                failureThread.shutdown();
                try {
                    failureThread.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * A thread's presence inside producer calls that may wait for the cluster, in {@link #insideCalls}: created on that
     * thread, by {@link #enter()}.
     */
    private static final class Inside {
        final Thread thread = Thread.currentThread();
        /** The thread's own slot, kept for its later calls; false: a nested call's, removed when it leaves. */
        final boolean reused;
        /** {@link #IN_CALL}, {@link #RETURNED}, {@link #WAKING} or {@link #INTERRUPTED}; not private: INSIDE. */
        volatile int state;
        /** Whether its thread is inside a call now; read and written by that thread only. */
        boolean busy;
        /** Whether its thread was interrupted when it entered the current call; that thread's only. */
        boolean interruptedBefore;

        Inside(boolean reused) {
            this.reused = reused;
        }
    }

    /** The producer's callback for one send: reports its outcome to the sender's {@code onDone}. */
    private final class Delivery implements Callback {
        private final String topic;
        private final FailureMapping mapping;
        private final BiConsumer<PublishReceipt, Throwable> onDone;
        /**
         * The thread inside {@code producer.send} for this record, null once it returned. Plain, not volatile: it is
         * compared with the current thread only, which equals it only on the thread that wrote it.
         */
        Thread sending;
        /**
         * 1 once the outcome is claimed for reporting. {@code producer.send} may both throw and call back for the same
         * record (it appends the record, then a producer in an error state throws while adding the partition to its
         * transaction state, and the aborted batch calls back later), and may call back twice (inline for an
         * {@code ApiException}, again on abort): whoever claims first reports, so {@code onDone} runs exactly once.
         */
        volatile int reported; // not private: read through REPORTED

        Delivery(String topic, FailureMapping mapping, BiConsumer<PublishReceipt, Throwable> onDone) {
            this.topic = topic;
            this.mapping = mapping;
            this.onDone = onDone;
        }

        /** Whether this caller is the first to report the outcome (one compare-and-set on a fresh object). */
        boolean claim() {
            return REPORTED.compareAndSet(this, 0, 1);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (!claim()) {
                return;
            }
            if (exception == null) {
                breaker.finished(true);
                acknowledged(metadata);
                return;
            }
            Exception failure = exception;
            if (closedForOutage) {
                // failed by closeForOutage, not by a broker
                breaker.finished(false);
                PlatformUnavailableException down = breaker.lastOpening(topic);
                if (down != null) {
                    down.addSuppressed(exception);
                    failure = down;
                }
            } else {
                // a broker refused the record after send() returned (not a time-out)
                breaker.finished(sending != Thread.currentThread() && !(exception instanceof RetriableException));
                noteMetadataTimeout(topic, exception, sending);
            }
            Exception reported = failure;
            try {
                failureThread.execute(() -> onDone.accept(null, mapping.map(topic, reported)));
            } catch (RejectedExecutionException closed) {
                onDone.accept(null, mapping.map(topic, reported));
            }
        }

        private void acknowledged(RecordMetadata metadata) {
            PublishReceipt receipt;
            try {
                receipt = new PublishReceipt(
                        metadata.topic(),
                        metadata.partition(),
                        metadata.offset(),
                        Instant.ofEpochMilli(metadata.timestamp()));
            } catch (RuntimeException e) {
                onDone.accept(
                        null,
                        new FatalStreamLakeException(
                                "Kafka acknowledged a record for " + topic
                                        + " without a usable receipt (partition " + metadata.partition() + ", offset "
                                        + metadata.offset() + "): " + e.getMessage(),
                                e));
                return;
            }
            onDone.accept(receipt, null);
        }
    }
}
