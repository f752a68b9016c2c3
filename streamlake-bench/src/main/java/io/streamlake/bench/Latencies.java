package io.streamlake.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Acknowledgement latencies (send to callback, nanoseconds) of one run: every event's, in a preallocated array
 * (8 bytes an event), sorted once at the end. Thread-safe for concurrent {@link #record}.
 */
final class Latencies {

    private final long[] samples;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        this.samples = new long[capacity];
    }

    void record(long nanos) {
        int i = count.getAndIncrement();
        if (i < samples.length) {
            samples[i] = nanos;
        }
    }

    int count() {
        return Math.min(count.get(), samples.length);
    }

    /** {@code [p50, p99]} in microseconds; zeros when nothing was recorded. Call once every record is in. */
    long[] percentilesMicros() {
        int n = count();
        if (n == 0) {
            return new long[] {0, 0};
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new long[] {sorted[index(n, 0.50)] / 1_000, sorted[index(n, 0.99)] / 1_000};
    }

    private static int index(int n, double quantile) {
        return Math.min(n - 1, (int) Math.ceil(quantile * n) - 1);
    }
}
