package io.streamlake.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Every run of a bench, per-scenario medians and the medians of per-pair ratios. Absolute figures on a shared
 * machine swing widely; the ratios of runs made side by side in the same pair are what to read.
 *
 * @param options the options it ran with
 * @param runs    every measured run, in the order they ran
 * @param skipped scenarios not run, with why (e.g. {@code cli-file -> skipped: CLI jar not built})
 */
public record BenchReport(BenchOptions options, List<RunResult> runs, Map<String, String> skipped) {

    /**
     * The ratios reported, numerator and denominator labels. {@code cli-file}'s is against ConsoleProducer sending the
     * same key and headers ({@code cli-file console}); the one against the bare lines ({@code cli-file console bare})
     * is informational.
     */
    public static final List<String[]> RATIOS = List.of(
            ratio(Scenario.JSON.scenarioName(), Scenario.RAW.scenarioName()),
            ratio(Scenario.AVRO.scenarioName(), Scenario.RAW.scenarioName()),
            ratio(Scenario.JSON.scenarioName(), Scenario.FLUSH_PER_EVENT.scenarioName()),
            ratio(ProcessRun.STREAMLAKE_LABEL, ProcessRun.ConsoleInput.KEYED.label()),
            ratio(ProcessRun.STREAMLAKE_LABEL, ProcessRun.ConsoleInput.BARE.label()),
            ratio(ProcessRun.EXACTLY_ONCE_LABEL, ProcessRun.STREAMLAKE_LABEL));
    /** Width of the label column: the longest label's, {@code cli-file console bare}. */
    private static final int LABEL_WIDTH = 21;

    public BenchReport {
        Objects.requireNonNull(options, "options");
        runs = List.copyOf(runs);
        skipped = Map.copyOf(skipped);
    }

    /** Labels in first-run order. */
    public List<String> labels() {
        return runs.stream().map(RunResult::label).distinct().toList();
    }

    public List<RunResult> runsOf(String label) {
        return runs.stream().filter(r -> r.label().equals(label)).toList();
    }

    /** Median records/s of {@code label}'s runs. */
    public OptionalDouble medianRecordsPerSecond(String label) {
        return median(
                runsOf(label).stream().mapToDouble(RunResult::recordsPerSecond).toArray());
    }

    /** The median over pairs of {@code numerator / denominator} records/s, each pair's runs side by side. */
    public OptionalDouble medianRatio(String numerator, String denominator) {
        List<Double> ratios = new ArrayList<>();
        for (RunResult n : runsOf(numerator)) {
            runsOf(denominator).stream()
                    .filter(d -> d.pair() == n.pair())
                    .findFirst()
                    .ifPresent(d -> ratios.add(n.recordsPerSecond() / d.recordsPerSecond()));
        }
        return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The median over pairs of {@code denominator}'s CPU per event over {@code numerator}'s, each pair's runs side by
     * side: the throughput ratio the two would have on a machine whose every core is busy (where records/s is CPU
     * divided by CPU per event). Empty when CPU time was not measured.
     */
    public OptionalDouble medianCpuRatio(String numerator, String denominator) {
        List<Double> ratios = new ArrayList<>();
        for (RunResult n : runsOf(numerator)) {
            runsOf(denominator).stream()
                    .filter(d -> d.pair() == n.pair())
                    .findFirst()
                    .filter(d -> n.cpuMicrosPerEvent().isPresent()
                            && d.cpuMicrosPerEvent().isPresent())
                    .ifPresent(d -> ratios.add(d.cpuMicrosPerEvent().getAsDouble()
                            / n.cpuMicrosPerEvent().getAsDouble()));
        }
        return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Every ratio of {@link #RATIOS} that both sides ran for, by name such as {@code json/raw}. */
    public Map<String, Double> ratios() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String[] r : RATIOS) {
            medianRatio(r[0], r[1]).ifPresent(v -> out.put(r[0] + "/" + r[1], v));
        }
        return out;
    }

    /** The report as a plain-text table: one line per scenario (medians), then the ratios and what was skipped. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "StreamLake bench: %,d events (%s: %,d), %d pair(s), %d-byte payloads%n",
                options.events(),
                Scenario.FLUSH_PER_EVENT.scenarioName(),
                options.flushEveryEvents(),
                options.pairs(),
                options.payloadBytes()));
        out.append(String.format(
                Locale.ROOT,
                "%-" + LABEL_WIDTH + "s %5s %12s %9s %10s %10s %10s %10s%n",
                "scenario",
                "runs",
                "records/s",
                "MB/s",
                "p50 ack",
                "p99 ack",
                "peak RSS",
                "acked"));
        for (String label : labels()) {
            List<RunResult> rs = runsOf(label);
            double mbs = median(rs.stream()
                            .mapToDouble(RunResult::megabytesPerSecond)
                            .toArray())
                    .orElse(0);
            double p50 = median(rs.stream().mapToDouble(RunResult::p50Micros).toArray())
                    .orElse(0);
            double p99 = median(rs.stream().mapToDouble(RunResult::p99Micros).toArray())
                    .orElse(0);
            double rss = median(rs.stream()
                            .filter(r -> r.peakRssKb().isPresent())
                            .mapToDouble(r -> r.peakRssKb().getAsLong())
                            .toArray())
                    .orElse(-1);
            long acked = rs.stream().mapToLong(RunResult::acknowledged).sum();
            long sent = rs.stream().mapToLong(RunResult::events).sum();
            out.append(String.format(
                    Locale.ROOT,
                    "%-" + LABEL_WIDTH + "s %5d %,12.0f %9.2f %10s %10s %10s %10s%n",
                    label,
                    rs.size(),
                    medianRecordsPerSecond(label).orElse(0),
                    mbs,
                    micros(p50),
                    micros(p99),
                    rss < 0 ? "-" : String.format(Locale.ROOT, "%.0f MB", rss / 1024),
                    acked == sent ? "all" : acked + "/" + sent));
        }
        Map<String, Double> ratios = ratios();
        if (!ratios.isEmpty()) {
            out.append("median of per-pair ratios (records/s):");
            ratios.forEach((name, v) -> out.append(String.format(Locale.ROOT, "  %s = %.3f", name, v)));
            out.append(System.lineSeparator());
        }
        StringBuilder cpu = new StringBuilder();
        for (String label : labels()) {
            median(runsOf(label).stream()
                            .flatMapToDouble(r -> r.cpuMicrosPerEvent().stream())
                            .toArray())
                    .ifPresent(us -> cpu.append(String.format(Locale.ROOT, "  %s %.2f", label, us)));
        }
        if (cpu.length() > 0) {
            out.append("CPU per event, whole bench JVM incl. an embedded broker (us, median):")
                    .append(cpu)
                    .append(System.lineSeparator());
            StringBuilder cpuRatios = new StringBuilder();
            for (String[] r : RATIOS) {
                medianCpuRatio(r[0], r[1])
                        .ifPresent(v -> cpuRatios.append(String.format(Locale.ROOT, "  %s/%s = %.3f", r[0], r[1], v)));
            }
            if (cpuRatios.length() > 0) {
                out.append("median of per-pair CPU-cost ratios (records/s if every core were busy):")
                        .append(cpuRatios)
                        .append(System.lineSeparator());
            }
        }
        StringBuilder batching = new StringBuilder();
        for (String label : labels()) {
            double[] size = runsOf(label).stream()
                    .filter(r -> r.batching().containsKey("batch-size-avg"))
                    .mapToDouble(r -> r.batching().get("batch-size-avg"))
                    .toArray();
            double[] perRequest = runsOf(label).stream()
                    .filter(r -> r.batching().containsKey("records-per-request-avg"))
                    .mapToDouble(r -> r.batching().get("records-per-request-avg"))
                    .toArray();
            if (size.length > 0 && perRequest.length > 0) {
                batching.append(String.format(
                        Locale.ROOT,
                        "  %s %,.0f B / %,.0f",
                        label,
                        median(size).getAsDouble(),
                        median(perRequest).getAsDouble()));
            }
        }
        if (batching.length() > 0) {
            out.append("producer batches (median of batch-size-avg / records-per-request-avg):")
                    .append(batching)
                    .append(System.lineSeparator());
        }
        String cliFile = Scenario.CLI_FILE.scenarioName();
        if (labels().contains(ProcessRun.STREAMLAKE_LABEL) && options.cliCds()) {
            out.append(ProcessRun.STREAMLAKE_LABEL)
                    .append(": started with an AppCDS archive of the CLI's classes (--cli-cds)")
                    .append(System.lineSeparator());
        }
        if (labels().stream().anyMatch(l -> l.startsWith(cliFile + " ")) && options.launcherFlags()) {
            out.append(cliFile)
                    .append(" JVM options: both ")
                    .append(options.processJvmArgs())
                    .append("; StreamLake adds its launcher's ")
                    .append(BenchOptions.STREAMLAKE_LAUNCHER_JVM_ARGS)
                    .append(", ConsoleProducer kafka-run-class.sh's ")
                    .append(BenchOptions.KAFKA_LAUNCHER_JVM_ARGS)
                    .append(System.lineSeparator());
        }
        if (labels().contains(ProcessRun.ConsoleInput.KEYED.label())) {
            out.append(ProcessRun.ConsoleInput.KEYED.label())
                    .append(": Kafka's ConsoleProducer sending the same key and six headers per line as StreamLake"
                            + " (pre-rendered, parse.key/parse.headers), no validation")
                    .append(System.lineSeparator());
        }
        if (labels().contains(ProcessRun.EXACTLY_ONCE_LABEL)) {
            out.append(ProcessRun.EXACTLY_ONCE_LABEL)
                    .append(": streamlake produce --file with delivery.guarantee=exactly-once (transactions of "
                            + "transaction.max.events / transaction.max.ms, each committing the file's checkpoint)")
                    .append(System.lineSeparator());
        }
        if (labels().contains(ProcessRun.ConsoleInput.BARE.label())) {
            out.append(ProcessRun.ConsoleInput.BARE.label())
                    .append(": ConsoleProducer sending the bare line (no key, no headers); informational")
                    .append(System.lineSeparator());
        }
        skipped.forEach((s, why) -> out.append(s).append(": ").append(why).append(System.lineSeparator()));
        return out.toString();
    }

    private static String[] ratio(String numerator, String denominator) {
        return new String[] {numerator, denominator};
    }

    private static String micros(double us) {
        if (us <= 0) {
            return "-";
        }
        return us >= 1000
                ? String.format(Locale.ROOT, "%.1f ms", us / 1000)
                : String.format(Locale.ROOT, "%.0f us", us);
    }

    static OptionalDouble median(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }
}
