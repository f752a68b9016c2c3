package io.streamlake.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * One measured run. A run is <em>void</em> ({@link #isVoid()}) when the records found on its topic afterwards are not
 * exactly its events, when not every event was acknowledged, or when its process failed: reports show it as void and
 * leave it out of medians and ratios.
 *
 * @param label          what ran: a {@link Scenario#scenarioName()} such as {@code raw} or {@code json}, or for
 *                       {@code cli-file} which process, e.g. {@code cli-file streamlake}, {@code cli-file kcat-like}
 * @param pair           the pair it belongs to (0-based)
 * @param events         events sent
 * @param acknowledged   events the broker acknowledged (for processes: records found on the topic)
 * @param delivered      records found on the topic after the run (exactly-once: what a {@code read_committed} consumer
 *                       reads)
 * @param nanos          wall time from the first send to the last acknowledgement (processes: start to exit)
 * @param payloadBytes   payload bytes sent (the JSON input, whatever the wire format)
 * @param p50Micros      median acknowledgement latency, 0 when not measured
 * @param p99Micros      99th percentile acknowledgement latency, 0 when not measured
 * @param peakRssKb      peak resident set size of a whole process (VmHWM), when measured
 * @param cpuNanos       the client's CPU time during the run: the bench JVM's (every thread) for a run inside it, the
 *                       child process's whole CPU for a process run; when measured
 * @param brokerCpuNanos the broker process's CPU time during the run, when measured
 * @param batching       the producer's own averages at the end of the run, by metric name ({@link #BATCHING_METRICS});
 *                       empty when not measured
 * @param failure        why the run failed (e.g. its process's exit code), when it did
 */
public record RunResult(
        String label,
        int pair,
        long events,
        long acknowledged,
        long delivered,
        long nanos,
        long payloadBytes,
        long p50Micros,
        long p99Micros,
        OptionalLong peakRssKb,
        OptionalLong cpuNanos,
        OptionalLong brokerCpuNanos,
        Map<String, Double> batching,
        Optional<String> failure) {

    /** The producer metrics ({@code producer-metrics} group) kept in {@link #batching}: how full its requests were. */
    public static final List<String> BATCHING_METRICS =
            List.of("batch-size-avg", "records-per-request-avg", "compression-rate-avg");

    public RunResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(peakRssKb, "peakRssKb");
        Objects.requireNonNull(cpuNanos, "cpuNanos");
        Objects.requireNonNull(brokerCpuNanos, "brokerCpuNanos");
        Objects.requireNonNull(failure, "failure");
        batching = Map.copyOf(batching);
        if (nanos <= 0) {
            throw new IllegalArgumentException("a run takes time, got " + nanos + " ns");
        }
    }

    /** Without CPU times or a failure; every acknowledged record delivered. */
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
                acknowledged,
                nanos,
                payloadBytes,
                p50Micros,
                p99Micros,
                peakRssKb,
                OptionalLong.empty(),
                OptionalLong.empty(),
                Map.of(),
                Optional.empty());
    }

    /**
     * A run inside the bench JVM: {@code acknowledged} of {@code events} acknowledged in {@code nanos}, the latencies
     * recorded, the producer's batching averages, the CPU times used and the records found on its topic afterwards.
     */
    static RunResult inJvm(
            String label,
            int pair,
            long events,
            long acknowledged,
            long nanos,
            long payloadBytes,
            Latencies latencies,
            Map<String, Double> batching,
            RunCpu.Used cpu,
            long delivered) {
        long[] p = latencies.percentilesMicros();
        return new RunResult(
                        label,
                        pair,
                        events,
                        acknowledged,
                        acknowledged,
                        nanos,
                        payloadBytes,
                        p[0],
                        p[1],
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        batching,
                        Optional.empty())
                .withCpu(cpu)
                .withDelivered(delivered);
    }

    /** This run with the client's and the broker's CPU times of {@code used}. */
    RunResult withCpu(RunCpu.Used used) {
        return with(delivered, used.clientNanos(), used.brokerNanos(), failure);
    }

    /** This run with {@code records} found on its topic. */
    RunResult withDelivered(long records) {
        return with(records, cpuNanos, brokerCpuNanos, failure);
    }

    /** This run, failed for {@code why}. */
    RunResult withFailure(String why) {
        return with(delivered, cpuNanos, brokerCpuNanos, Optional.of(why));
    }

    /** This run with what is measured after it ran: the records delivered, the CPU times, a failure. */
    private RunResult with(
            long delivered, OptionalLong cpuNanos, OptionalLong brokerCpuNanos, Optional<String> failure) {
        return new RunResult(
                label,
                pair,
                events,
                acknowledged,
                delivered,
                nanos,
                payloadBytes,
                p50Micros,
                p99Micros,
                peakRssKb,
                cpuNanos,
                brokerCpuNanos,
                batching,
                failure);
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

    /** Whether the run lost or duplicated records, missed acknowledgements or failed: then it counts for nothing. */
    public boolean isVoid() {
        return failure.isPresent() || delivered != events || acknowledged != events;
    }

    /** Why the run is void; empty when it is not. */
    public Optional<String> voidReason() {
        if (failure.isPresent()) {
            return failure;
        }
        if (delivered != events) {
            return Optional.of(String.format("%,d of %,d records on the topic", delivered, events));
        }
        if (acknowledged != events) {
            return Optional.of(String.format("%,d of %,d events acknowledged", acknowledged, events));
        }
        return Optional.empty();
    }

    /** The client's CPU microseconds per event, when its CPU time was measured. */
    public OptionalDouble cpuMicrosPerEvent() {
        return perEvent(cpuNanos);
    }

    /** The broker's CPU microseconds per event, when its CPU time was measured. */
    public OptionalDouble brokerCpuMicrosPerEvent() {
        return perEvent(brokerCpuNanos);
    }

    /**
     * What the run cost in CPU per event wherever it was spent: client and broker when both were measured, else the
     * client alone.
     */
    public OptionalDouble totalCpuMicrosPerEvent() {
        return cpuNanos.isPresent() && brokerCpuNanos.isPresent()
                ? perEvent(OptionalLong.of(cpuNanos.getAsLong() + brokerCpuNanos.getAsLong()))
                : perEvent(cpuNanos);
    }

    private OptionalDouble perEvent(OptionalLong cpu) {
        return cpu.isPresent() ? OptionalDouble.of(cpu.getAsLong() / 1000.0 / events) : OptionalDouble.empty();
    }

    public double recordsPerSecond() {
        return events * 1e9 / nanos;
    }

    public double megabytesPerSecond() {
        return payloadBytes * 1e9 / nanos / 1_000_000.0;
    }
}
