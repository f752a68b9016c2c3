package io.streamlake.bench;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One measured run.
 *
 * @param label        what ran, e.g. {@code A}, {@code B}, {@code E streamlake}, {@code E console}
 * @param pair         the round it belongs to (0-based)
 * @param events       events sent
 * @param acknowledged events the broker acknowledged (for processes: records found in the topic)
 * @param nanos        wall time from the first send to the last acknowledgement (processes: start to exit)
 * @param payloadBytes payload bytes sent (the JSON input, whatever the wire format)
 * @param p50Micros    median acknowledgement latency, 0 when not measured
 * @param p99Micros    99th percentile acknowledgement latency, 0 when not measured
 * @param peakRssKb    peak resident set size of a whole process (VmHWM), when measured
 */
public record RunResult(String label, int pair, long events, long acknowledged, long nanos, long payloadBytes,
                        long p50Micros, long p99Micros, OptionalLong peakRssKb) {

    public RunResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(peakRssKb, "peakRssKb");
        if (nanos <= 0) {
            throw new IllegalArgumentException("a run takes time, got " + nanos + " ns");
        }
    }

    public double recordsPerSecond() {
        return events * 1e9 / nanos;
    }

    public double megabytesPerSecond() {
        return payloadBytes * 1e9 / nanos / 1_000_000.0;
    }
}
