package io.streamlake.core.service;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.LockSupport;

/**
 * How many events of one stream are read and not yet finished, at most {@code max}. One thread (the one reading the
 * input) takes slots; any thread gives them back. When its last look says the window is full and a fresh count finds
 * less than a quarter of it free, the reader sleeps until a quarter is free again, instead of waking for every acknowledgement (a semaphore would wake it,
 * let it read one event and put it back to sleep, once per event, on the producer's I/O thread). Still never more than
 * {@code max} outstanding.
 *
 * <p>The two sides share no counter they both write: the reader counts what it took in a plain field, the releasing
 * threads count what they gave back in an atomic one, and the reader looks at that one only when its last look says
 * the window may be full, and then goes on only with a quarter of the window free. So a slot costs the reader no
 * atomic operation, and the reader reads the cache line the producer's I/O thread writes for every release (from
 * another core) at most once per quarter window, not once per event while the window stays nearly full.
 */
final class InFlightWindow {

    private final int resumeAt;
    /** The reader's own fields, on a cache line of their own. */
    private final Reader reader;
    /** Slots given back so far, by any thread. */
    private final AtomicLong released = new AtomicLong();

    private static final AtomicReferenceFieldUpdater<InFlightWindow, Thread> WAITER =
            AtomicReferenceFieldUpdater.newUpdater(InFlightWindow.class, Thread.class, "waiter");

    /** The reader while it sleeps or is about to, until a release takes it out to wake it. */
    private volatile Thread waiter;
    /** The released count at which the sleeping reader is to be woken; {@code Long.MAX_VALUE} when none sleeps. */
    private volatile long wakeAt = Long.MAX_VALUE;

    InFlightWindow(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.reader = new Reader(max);
        this.resumeAt = max - Math.max(1, max / 4);
    }

    /**
     * Takes a slot, first waiting (uninterruptibly), when the window is full, until a quarter of it is free. Reader
     * thread only.
     */
    void acquire() {
        Reader r = reader;
        if (r.acquired - r.releasedSeen >= r.max) {
            r.releasedSeen = released.get();
            if (r.acquired - r.releasedSeen > resumeAt) {
                awaitAtMost(resumeAt);
            }
        }
        r.acquired++;
    }

    /**
     * Gives a slot back. Any thread. Only the release that takes the sleeping reader out of {@link #waiter} wakes it:
     * the releases that follow before the reader runs again (a whole batch of acknowledgements, on the producer's I/O
     * thread) find no waiter and do not call {@code unpark} again, which took that thread a mutex each time.
     */
    void release() {
        if (released.incrementAndGet() >= wakeAt) {
            Thread w = waiter;
            if (w != null && WAITER.compareAndSet(this, w, null)) {
                LockSupport.unpark(w);
            }
        }
    }

    /** Waits (uninterruptibly) until every slot is back. Reader thread only. */
    void awaitEmpty() {
        if (released.get() < reader.acquired) {
            awaitAtMost(0);
        }
    }

    /**
     * Sleeps until at most {@code level} slots are taken. The waiter and wake-up count are published before the
     * released count is read again, and a release reads them after its increment, so one of the two always sees the
     * other (volatile order). A release that wakes the reader takes it out of {@link #waiter}, so the reader puts
     * itself back before each look that may end in sleeping again.
     */
    private void awaitAtMost(int level) {
        Thread me = Thread.currentThread();
        long target = reader.acquired - level;
        wakeAt = target;
        boolean interrupted = false;
        while (true) {
            waiter = me;
            if ((reader.releasedSeen = released.get()) >= target) {
                break;
            }
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        wakeAt = Long.MAX_VALUE;
        waiter = null;
        if (interrupted) {
            me.interrupt();
        }
    }

    /**
     * Padding before the reader's fields (a superclass's fields are laid out first), so that nothing another thread
     * writes shares their cache line.
     */
    @SuppressWarnings("unused")
    private static class PaddingBefore {
        long p0, p1, p2, p3, p4, p5, p6, p7;
    }

    private static class ReaderFields extends PaddingBefore {
        /** Slots taken so far. */
        long acquired;
        /** The released count at the reader's last look: at most the true count, so the window looks fuller. */
        long releasedSeen;
        /** A long, not an int: an int could be laid out in the gap after the object header, before the padding. */
        final long max;

        ReaderFields(int max) {
            this.max = max;
        }
    }

    /** The reader's fields, padded after as well. */
    @SuppressWarnings("unused")
    private static final class Reader extends ReaderFields {
        long q0, q1, q2, q3, q4, q5, q6, q7;

        Reader(int max) {
            super(max);
        }
    }
}
