package io.streamlake.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Every run of a bench, per-scenario medians and the medians of per-pair ratios. Absolute figures on a shared
 * machine swing widely; the ratios of runs made side by side in the same pair are what to read. Void runs
 * ({@link RunResult#isVoid()}: records lost, or a failed process) are listed but left out of every median and ratio.
 *
 * @param options the options it ran with
 * @param runs    every measured run, in the order they ran
 * @param skipped scenarios or runs not run, with why (e.g. {@code cli-file -> skipped: CLI jar not built}), in the
 *                order they were found
 */
public record BenchReport(BenchOptions options, List<RunResult> runs, Map<String, String> skipped) {

    /** {@code produce --file}'s headline ratio: against kcat like for like. */
    public static final String[] HEADLINE = ratio(ProcessRun.STREAMLAKE_LABEL, KcatRun.Mode.LIKE_FOR_LIKE.label());

    /** {@code produce --file --serialization avro} against the same JSON run ({@code cli-file-avro}'s ratio). */
    public static final String[] AVRO_VS_JSON = ratio(ProcessRun.AVRO_LABEL, ProcessRun.STREAMLAKE_LABEL);

    /** The raw kafka-clients producer (the floor of any Java producer of these records) against kcat like for like. */
    public static final String[] RAW_PRODUCER_VS_KCAT =
            ratio(ProcessRun.RAW_PRODUCER_LABEL, KcatRun.Mode.LIKE_FOR_LIKE.label());

    /**
     * The ratios reported, numerator and denominator labels. {@code cli-file}'s are against kcat like for like (the
     * headline), ConsoleProducer sending the same key and value ({@code cli-file console key+value}), ConsoleProducer
     * sending the same key and headers ({@code cli-file console}) and the raw kafka-clients producer sending the same
     * records ({@code cli-file raw kafka-clients}, itself also against kcat like for like); those against the bare lines
     * and plain kcat are informational. {@code cli-file-exactly-once}'s and {@code cli-file-avro}'s are against {@code cli-file streamlake}
     * (JSON, at-least-once). {@code connect-file}'s are each connector run against {@code streamlake produce --file} of the
     * same file ({@code connect-file produce}).
     */
    public static final List<String[]> RATIOS = List.of(
            ratio(Scenario.JSON.scenarioName(), Scenario.RAW.scenarioName()),
            ratio(Scenario.AVRO.scenarioName(), Scenario.RAW.scenarioName()),
            ratio(Scenario.JSON.scenarioName(), Scenario.FLUSH_PER_EVENT.scenarioName()),
            HEADLINE,
            ratio(ProcessRun.STREAMLAKE_LABEL, ProcessRun.ConsoleInput.KEY_VALUE.label()),
            ratio(ProcessRun.STREAMLAKE_LABEL, ProcessRun.ConsoleInput.KEYED.label()),
            ratio(ProcessRun.STREAMLAKE_LABEL, ProcessRun.RAW_PRODUCER_LABEL),
            RAW_PRODUCER_VS_KCAT,
            ratio(ProcessRun.STREAMLAKE_LABEL, ProcessRun.ConsoleInput.BARE.label()),
            ratio(ProcessRun.STREAMLAKE_LABEL, KcatRun.Mode.PLAIN.label()),
            ratio(ProcessRun.EXACTLY_ONCE_LABEL, ProcessRun.STREAMLAKE_LABEL),
            AVRO_VS_JSON,
            ratio(ConnectFileRun.label(1), ConnectFileRun.PRODUCE_LABEL),
            ratio(ConnectFileRun.label(2), ConnectFileRun.PRODUCE_LABEL),
            ratio(ConnectFileRun.label(4), ConnectFileRun.PRODUCE_LABEL));

    public BenchReport {
        Objects.requireNonNull(options, "options");
        runs = List.copyOf(runs);
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** Labels in first-run order. */
    public List<String> labels() {
        return runs.stream().map(RunResult::label).distinct().toList();
    }

    /** Every run of {@code label}, void ones too. */
    public List<RunResult> runsOf(String label) {
        return runs.stream().filter(r -> r.label().equals(label)).toList();
    }

    /** The runs of {@code label} that count: those not void. */
    public List<RunResult> validRunsOf(String label) {
        return runs.stream().filter(r -> r.label().equals(label) && !r.isVoid()).toList();
    }

    /** The void runs, in the order they ran. */
    public List<RunResult> voidRuns() {
        return runs.stream().filter(RunResult::isVoid).toList();
    }

    /** Median records/s of {@code label}'s valid runs. */
    public OptionalDouble medianRecordsPerSecond(String label) {
        return median(validRunsOf(label), r -> OptionalDouble.of(r.recordsPerSecond()));
    }

    /** The median over {@code label}'s valid runs of {@code figure}, where it was measured. */
    public OptionalDouble median(String label, Function<RunResult, OptionalDouble> figure) {
        return median(validRunsOf(label), figure);
    }

    /** The median over pairs of {@code numerator / denominator} records/s, each pair's valid runs side by side. */
    public OptionalDouble medianRatio(String numerator, String denominator) {
        return perPair(
                numerator, denominator, (n, d) -> OptionalDouble.of(n.recordsPerSecond() / d.recordsPerSecond()));
    }

    /**
     * The median over pairs of {@code denominator}'s CPU per event over {@code numerator}'s (client and broker when both
     * were measured, else the client's), each pair's valid runs side by side: the throughput ratio the two would have
     * on a machine whose every core is busy (where records/s is CPU divided by CPU per event). Empty when CPU time was
     * not measured.
     */
    public OptionalDouble medianCpuRatio(String numerator, String denominator) {
        return perPair(numerator, denominator, (n, d) -> {
            OptionalDouble nc = n.totalCpuMicrosPerEvent();
            OptionalDouble dc = d.totalCpuMicrosPerEvent();
            return nc.isPresent() && dc.isPresent() && nc.getAsDouble() > 0
                    ? OptionalDouble.of(dc.getAsDouble() / nc.getAsDouble())
                    : OptionalDouble.empty();
        });
    }

    private OptionalDouble perPair(
            String numerator,
            String denominator,
            java.util.function.BiFunction<RunResult, RunResult, OptionalDouble> ratio) {
        List<Double> ratios = new ArrayList<>();
        for (RunResult n : validRunsOf(numerator)) {
            validRunsOf(denominator).stream()
                    .filter(d -> d.pair() == n.pair())
                    .findFirst()
                    .flatMap(d -> {
                        OptionalDouble v = ratio.apply(n, d);
                        return v.isPresent() ? java.util.Optional.of(v.getAsDouble()) : java.util.Optional.empty();
                    })
                    .ifPresent(ratios::add);
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

    /** The report as a plain-text table ({@link ReportTable}). */
    public String table() {
        return ReportTable.render(this);
    }

    private static String[] ratio(String numerator, String denominator) {
        return new String[] {numerator, denominator};
    }

    private static OptionalDouble median(List<RunResult> runs, Function<RunResult, OptionalDouble> figure) {
        return median(runs.stream()
                .map(figure)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .toArray());
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
