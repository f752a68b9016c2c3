package io.streamlake.core.service;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How many events of one stream are read and not yet finished, at most {@code max}. One thread (the one reading the
 * input) takes slots; any thread gives them back. When the window is full the reader sleeps until a quarter of it is
 * free again, instead of waking for every acknowledgement (a semaphore would wake it, let it read one event and put it
 * back to sleep, once per event, on the producer's I/O thread). Still never more than {@code max} outstanding.
 */
final class InFlightWindow {

    private final int max;
    private final int resumeAt;
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile Thread waiter;
    private volatile int wakeAt = -1;

    InFlightWindow(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.max = max;
        this.resumeAt = max - Math.max(1, max / 4);
    }

    /** Takes a slot, first waiting (uninterruptibly) for room when the window is full. Reader thread only. */
    void acquire() {
        if (outstanding.get() >= max) {
            awaitAtMost(resumeAt);
        }
        outstanding.incrementAndGet();
    }

    /** Gives a slot back. Any thread. */
    void release() {
        if (outstanding.decrementAndGet() <= wakeAt) {
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /** Waits (uninterruptibly) until every slot is back. Reader thread only. */
    void awaitEmpty() {
        if (outstanding.get() > 0) {
            awaitAtMost(0);
        }
    }

    /**
     * Sleeps until at most {@code level} slots are taken. The waiter and level are published before the count is read
     * again, and a release reads them after its decrement, so one of the two always sees the other (volatile order).
     */
    private void awaitAtMost(int level) {
        Thread me = Thread.currentThread();
        waiter = me;
        wakeAt = level;
        boolean interrupted = false;
        while (outstanding.get() > level) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        wakeAt = -1;
        waiter = null;
        if (interrupted) {
            me.interrupt();
        }
    }
}
