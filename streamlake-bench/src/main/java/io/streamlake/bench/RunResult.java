package io.streamlake.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * One measured run.
 *
 * @param label        what ran: a {@link Scenario#scenarioName()} such as {@code raw} or {@code json}, or for
 *                     {@code cli-file} which process, e.g. {@code cli-file streamlake}, {@code cli-file console}
 * @param pair         the pair it belongs to (0-based)
 * @param events       events sent
 * @param acknowledged events the broker acknowledged (for processes: records found in the topic)
 * @param nanos        wall time from the first send to the last acknowledgement (processes: start to exit)
 * @param payloadBytes payload bytes sent (the JSON input, whatever the wire format)
 * @param p50Micros    median acknowledgement latency, 0 when not measured
 * @param p99Micros    99th percentile acknowledgement latency, 0 when not measured
 * @param peakRssKb    peak resident set size of a whole process (VmHWM), when measured
 * @param cpuNanos     CPU time of the whole benchmarking JVM during the run (every thread, the embedded broker's
 *                     too), when measured
 * @param batching     the producer's own averages at the end of the run, by metric name ({@link #BATCHING_METRICS});
 *                     empty when not measured
 */
public record RunResult(
        String label,
        int pair,
        long events,
        long acknowledged,
        long nanos,
        long payloadBytes,
        long p50Micros,
        long p99Micros,
        OptionalLong peakRssKb,
        OptionalLong cpuNanos,
        Map<String, Double> batching) {

    /** The producer metrics ({@code producer-metrics} group) kept in {@link #batching}: how full its requests were. */
    public static final List<String> BATCHING_METRICS =
            List.of("batch-size-avg", "records-per-request-avg", "compression-rate-avg");

    public RunResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(peakRssKb, "peakRssKb");
        Objects.requireNonNull(cpuNanos, "cpuNanos");
        batching = Map.copyOf(batching);
        if (nanos <= 0) {
            throw new IllegalArgumentException("a run takes time, got " + nanos + " ns");
        }
    }

    /** Without a CPU time. */
    public RunResult(
            String label,
            int pair,
            long events,
            long acknowledged,
            long nanos,
            long payloadBytes,
            long p50Micros,
            long p99Micros,
            OptionalLong peakRssKb) {
        this(
                label,
                pair,
                events,
                acknowledged,
                nanos,
                payloadBytes,
                p50Micros,
                p99Micros,
                peakRssKb,
                OptionalLong.empty(),
                Map.of());
    }

    /** The {@link #BATCHING_METRICS} of a producer, those it has. */
    static Map<String, Double> batchingOf(Map<MetricName, ? extends Metric> metrics) {
        Map<String, Double> out = new java.util.HashMap<>();
        metrics.forEach((name, metric) -> {
            if (name.group().equals("producer-metrics")
                    && BATCHING_METRICS.contains(name.name())
                    && metric.metricValue() instanceof Double v
                    && !v.isNaN()
                    && !v.isInfinite()) {
                out.put(name.name(), v);
            }
        });
        return out;
    }

    /** CPU microseconds per event, when the CPU time was measured. */
    public OptionalDouble cpuMicrosPerEvent() {
        return cpuNanos.isPresent()
                ? OptionalDouble.of(cpuNanos.getAsLong() / 1000.0 / events)
                : OptionalDouble.empty();
    }

    public double recordsPerSecond() {
        return events * 1e9 / nanos;
    }

    public double megabytesPerSecond() {
        return payloadBytes * 1e9 / nanos / 1_000_000.0;
    }
}
