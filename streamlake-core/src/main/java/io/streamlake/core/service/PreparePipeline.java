package io.streamlake.core.service;

import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.PreparedEvent;
import io.streamlake.core.port.in.StagedIngestUseCase;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Prepares events on worker threads and dispatches them in the order they were submitted, whatever order the
 * preparations finish in: each submitted event takes its place in an ordered queue; a worker that finishes a
 * preparation dispatches every prepared event at the head of that queue, one worker at a time (the others go back
 * to preparing). So events reach the transport in input order (and each key's order is kept) while parsing,
 * validation and serialization run in parallel. One pipeline serves one stream: {@link #submit} from one thread,
 * then {@link #finish} from the same thread.
 */
final class PreparePipeline {

    /** What happens to each event's outcome once dispatched (or to the event, given up because the use case threw). */
    interface Sink {
        /**
         * The event's outcome, once; on the transport's thread or on the dispatching one. Null when a use case's
         * future failed against its contract (counted as failed).
         */
        void outcome(IngestionResult result);

        void abandoned();
    }

    private final StagedIngestUseCase staged;
    private final Sink sink;
    /** {@code sink::outcome}, made once rather than per event. */
    private final Consumer<IngestionResult> outcomes;

    private final ThreadPoolExecutor workers;
    private final Queue<Slot> order = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicReference<RuntimeException> error = new AtomicReference<>();

    PreparePipeline(StagedIngestUseCase staged, int threads, Sink sink) {
        this.staged = Objects.requireNonNull(staged, "staged");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.outcomes = sink::outcome;
        this.workers = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), new WorkerThreads());
    }

    /** Queues one event for preparation; it will be dispatched after every event submitted before it. */
    void submit(IngestCommand command) {
        Slot slot = new Slot(command);
        order.add(slot);
        workers.execute(slot);
    }

    /** The first exception the use case threw (its contract says it does not), or null. */
    RuntimeException error() {
        return error.get();
    }

    /**
     * Waits until every submitted event is dispatched, then stops the workers.
     *
     * @throws RuntimeException the first exception the use case threw, if any
     */
    void finish() {
        workers.shutdown();
        boolean interrupted = false;
        while (!workers.isTerminated()) {
            try {
                workers.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        dispatchReady(); // every worker dispatched before it stopped; this only makes the invariant local
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error.get() != null) {
            throw error.get();
        }
    }

    /**
     * Dispatches the prepared events at the head of the queue, if no other thread is doing it. After letting go it
     * looks again: a preparation that finished while this thread held the turn found it taken and left its event to
     * this thread (both sides use volatile accesses, so one of them always sees the other).
     */
    private void dispatchReady() {
        while (dispatching.compareAndSet(false, true)) {
            try {
                Slot head;
                while ((head = order.peek()) != null && head.done) {
                    order.poll();
                    head.dispatch();
                }
            } finally {
                dispatching.set(false);
            }
            Slot head = order.peek();
            if (head == null || !head.done) {
                return;
            }
        }
    }

    private final class Slot implements Runnable {
        private final IngestCommand command;
        private PreparedEvent prepared;
        private RuntimeException failure;
        private volatile boolean done;

        Slot(IngestCommand command) {
            this.command = command;
        }

        @Override
        public void run() {
            try {
                prepared = staged.prepare(command);
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
            dispatchReady();
        }

        void dispatch() {
            if (failure == null) {
                try {
                    staged.dispatch(prepared, outcomes);
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            error.compareAndSet(null, failure);
            sink.abandoned();
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private static final AtomicInteger POOLS = new AtomicInteger();
        private final int pool = POOLS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "streamlake-prepare-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
