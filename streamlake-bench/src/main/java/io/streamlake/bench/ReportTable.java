package io.streamlake.bench;

import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A {@link BenchReport} as plain text: one line per label with the medians of its valid runs (records/s, MB/s, wall
 * time, client and broker CPU in seconds and per event, latency, peak RSS, delivered), then the void runs, the ratios,
 * {@code produce --file}'s headline figures, what the CPU columns measure, notes on the runs and what was skipped.
 */
final class ReportTable {

    /** Width of the label column: the longest label's, {@code cli-file console key+value}. */
    private static final int LABEL_WIDTH = 26;

    private static final String ROW = "%-" + LABEL_WIDTH + "s %4s %11s %7s %8s %10s %9s %10s %9s %9s %9s %8s %9s%n";
    private static final String NL = System.lineSeparator();

    private ReportTable() {}

    static String render(BenchReport report) {
        BenchOptions options = report.options();
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
                ROW,
                "run (medians)",
                "runs",
                "records/s",
                "MB/s",
                "wall",
                "client CPU",
                "us/event",
                "broker CPU",
                "us/event",
                "p50 ack",
                "p99 ack",
                "peak RSS",
                "delivered"));
        for (String label : report.labels()) {
            row(out, report, label);
        }
        List<RunResult> voids = report.voidRuns();
        for (RunResult r : voids) {
            out.append(String.format(
                    Locale.ROOT,
                    "VOID pair %d %s: %s%n",
                    r.pair(),
                    r.label(),
                    r.voidReason().orElse("")));
        }
        if (!voids.isEmpty()) {
            out.append(voids.size())
                    .append(" void run(s), left out of every median and ratio")
                    .append(NL);
        }
        Map<String, Double> ratios = report.ratios();
        if (!ratios.isEmpty()) {
            out.append("median of per-pair ratios (records/s):");
            ratios.forEach((name, v) -> out.append(String.format(Locale.ROOT, "  %s = %.3f", name, v)));
            out.append(NL);
        }
        StringBuilder cpuRatios = new StringBuilder();
        for (String[] r : BenchReport.RATIOS) {
            report.medianCpuRatio(r[0], r[1])
                    .ifPresent(v -> cpuRatios.append(String.format(Locale.ROOT, "  %s/%s = %.3f", r[0], r[1], v)));
        }
        if (cpuRatios.length() > 0) {
            out.append("median of per-pair CPU-cost ratios (client + broker CPU per event; records/s if every core"
                            + " were busy):")
                    .append(cpuRatios)
                    .append(NL);
        }
        headline(out, report);
        avroHeadline(out, report);
        batching(out, report);
        if (report.runs().stream().anyMatch(r -> r.cpuNanos().isPresent())) {
            out.append("client CPU: the bench JVM's (every thread) for runs inside it, the whole child process's for"
                            + " cli-file's processes; broker CPU: ")
                    .append(brokerCpuSource(options))
                    .append(NL);
        }
        notes(out, report);
        report.skipped()
                .forEach((s, why) -> out.append(s).append(": ").append(why).append(NL));
        return out.toString();
    }

    private static void row(StringBuilder out, BenchReport report, String label) {
        List<RunResult> all = report.runsOf(label);
        List<RunResult> valid = report.validRunsOf(label);
        long voids = all.size() - valid.size();
        OptionalDouble wall = report.median(label, r -> OptionalDouble.of(r.nanos() / 1e9));
        OptionalDouble clientCpu = report.median(label, r -> seconds(r.cpuNanos()));
        OptionalDouble brokerCpu = report.median(label, r -> seconds(r.brokerCpuNanos()));
        out.append(String.format(
                Locale.ROOT,
                ROW,
                label,
                valid.size(),
                fixed(report.medianRecordsPerSecond(label), "%,.0f"),
                fixed(report.median(label, r -> OptionalDouble.of(r.megabytesPerSecond())), "%.2f"),
                fixed(wall, "%.2f s"),
                fixed(clientCpu, "%.2f s"),
                fixed(report.median(label, RunResult::cpuMicrosPerEvent), "%.2f"),
                fixed(brokerCpu, "%.2f s"),
                fixed(report.median(label, RunResult::brokerCpuMicrosPerEvent), "%.2f"),
                micros(report.median(label, r -> positive(r.p50Micros()))),
                micros(report.median(label, r -> positive(r.p99Micros()))),
                fixed(report.median(label, r -> kb(r)), "%.0f MB"),
                voids == 0 ? "all" : voids + " void"));
    }

    private static void headline(StringBuilder out, BenchReport report) {
        String produce = ProcessRun.STREAMLAKE_LABEL;
        if (report.validRunsOf(produce).isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("produce --file:");
        figure(
                line,
                "speed / kcat like for like = %.3f",
                report.medianRatio(BenchReport.HEADLINE[0], BenchReport.HEADLINE[1]));
        figure(
                line,
                "speed / ConsoleProducer key+value = %.3f",
                report.medianRatio(produce, ProcessRun.ConsoleInput.KEY_VALUE.label()));
        clientCpuAndRss(line, report, produce);
        out.append(line).append(NL);
        rawProducerLine(out, report);
    }

    /**
     * The floor under {@code produce --file}: the raw kafka-clients producer's speed against kcat like for like and
     * its client CPU per event, and {@code produce --file}'s speed against it.
     */
    private static void rawProducerLine(StringBuilder out, BenchReport report) {
        String raw = ProcessRun.RAW_PRODUCER_LABEL;
        if (report.validRunsOf(raw).isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("raw kafka-clients, the same records:");
        figure(
                line,
                "speed / kcat like for like = %.3f",
                report.medianRatio(BenchReport.RAW_PRODUCER_VS_KCAT[0], BenchReport.RAW_PRODUCER_VS_KCAT[1]));
        figure(
                line,
                "client CPU per event (whole process) = %.2f us",
                report.median(raw, RunResult::cpuMicrosPerEvent));
        figure(line, "produce --file speed / raw = %.3f", report.medianRatio(ProcessRun.STREAMLAKE_LABEL, raw));
        out.append(line).append(NL);
    }

    /** {@code cli-file-avro}'s figures: speed against the JSON run of the same pairs, client CPU and peak RSS. */
    private static void avroHeadline(StringBuilder out, BenchReport report) {
        String avro = ProcessRun.AVRO_LABEL;
        if (report.validRunsOf(avro).isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("produce --file --serialization avro:");
        figure(
                line,
                "speed / JSON produce --file = %.3f",
                report.medianRatio(BenchReport.AVRO_VS_JSON[0], BenchReport.AVRO_VS_JSON[1]));
        clientCpuAndRss(line, report, avro);
        out.append(line).append(NL);
    }

    /** {@code label}'s median client CPU per event and peak RSS, appended to a headline. */
    private static void clientCpuAndRss(StringBuilder line, BenchReport report, String label) {
        figure(
                line,
                "client CPU per event (whole process) = %.2f us",
                report.median(label, RunResult::cpuMicrosPerEvent));
        figure(line, "peak RSS = %.0f MB", report.median(label, r -> kb(r)));
    }

    /** Appends two spaces and {@code format} of the value, when there is one. */
    private static void figure(StringBuilder line, String format, OptionalDouble value) {
        value.ifPresent(v -> line.append("  ").append(String.format(Locale.ROOT, format, v)));
    }

    private static void batching(StringBuilder out, BenchReport report) {
        StringBuilder batching = new StringBuilder();
        for (String label : report.labels()) {
            OptionalDouble size = report.median(label, r -> metric(r, "batch-size-avg"));
            OptionalDouble perRequest = report.median(label, r -> metric(r, "records-per-request-avg"));
            if (size.isPresent() && perRequest.isPresent()) {
                batching.append(String.format(
                        Locale.ROOT, "  %s %,.0f B / %,.0f", label, size.getAsDouble(), perRequest.getAsDouble()));
            }
        }
        if (batching.length() > 0) {
            out.append("producer batches (median of batch-size-avg / records-per-request-avg):")
                    .append(batching)
                    .append(NL);
        }
    }

    private static void notes(StringBuilder out, BenchReport report) {
        BenchOptions options = report.options();
        List<String> labels = report.labels();
        String cliFile = Scenario.CLI_FILE.scenarioName();
        if (labels.contains(ProcessRun.STREAMLAKE_LABEL) && options.cliCds()) {
            out.append(ProcessRun.STREAMLAKE_LABEL)
                    .append(": started with an AppCDS archive of the CLI's classes (--cli-cds)")
                    .append(NL);
        }
        if (labels.stream().anyMatch(l -> l.startsWith(cliFile + " ")) && options.launcherFlags()) {
            out.append(cliFile)
                    .append(" JVM options: each JVM ")
                    .append(options.processJvmArgs())
                    .append("; StreamLake and the raw kafka-clients producer add StreamLake's launcher's ")
                    .append(BenchOptions.STREAMLAKE_LAUNCHER_GC)
                    .append(" and, for an input below ")
                    .append(BenchOptions.STREAMLAKE_LAUNCHER_SMALL_INPUT_BYTES >> 20)
                    .append(" MiB, ")
                    .append(BenchOptions.STREAMLAKE_LAUNCHER_SMALL_INPUT_JIT)
                    .append(", else ")
                    .append(BenchOptions.STREAMLAKE_LAUNCHER_LARGE_INPUT_JIT)
                    .append(", ConsoleProducer kafka-run-class.sh's ")
                    .append(BenchOptions.KAFKA_LAUNCHER_JVM_ARGS)
                    .append(NL);
        }
        note(
                out,
                labels,
                KcatRun.Mode.LIKE_FOR_LIKE.label(),
                "kcat sending the same key and value, StreamLake's six headers (static values of the same lengths)"
                        + " and StreamLake's producer settings as librdkafka's "
                        + KcatRun.librdkafkaSettings(
                                new KafkaAdapterConfig(Map.of(KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG, "-"))
                                        .producerProperties()));
        note(
                out,
                labels,
                KcatRun.Mode.PLAIN.label(),
                "kcat sending the same key and value, no headers, librdkafka's defaults (no compression); informational");
        note(
                out,
                labels,
                ProcessRun.ConsoleInput.KEY_VALUE.label(),
                "Kafka's ConsoleProducer sending the same key and value, no headers (parse.key)");
        note(
                out,
                labels,
                ProcessRun.ConsoleInput.KEYED.label(),
                "Kafka's ConsoleProducer sending the same key and six headers per line as StreamLake"
                        + " (pre-rendered, parse.key/parse.headers), no validation");
        note(
                out,
                labels,
                ProcessRun.RAW_PRODUCER_LABEL,
                "a KafkaProducer<byte[], byte[]> alone (RawFileProducer) sending produce --file's records for the same"
                        + " JSON lines (key cut out by a byte search, the line as value, the six headers with a fresh"
                        + " ingestion_id and event_time) with StreamLake's producer settings; no parse, no validation");
        note(
                out,
                labels,
                ProcessRun.EXACTLY_ONCE_LABEL,
                "streamlake produce --file with delivery.guarantee=exactly-once (transactions of"
                        + " transaction.max.events / transaction.max.ms, each committing the file's checkpoint)");
        note(
                out,
                labels,
                ProcessRun.AVRO_LABEL,
                "streamlake produce --file of the same JSON lines with --serialization avro and "
                        + (options.schemaRegistryUrl().isEmpty()
                                ? "the in-memory registry " + BenchRunner.MOCK_REGISTRY + " (in the CLI's JVM)"
                                : "the bench's --schema-registry-url"));
        note(
                out,
                labels,
                ProcessRun.ConsoleInput.BARE.label(),
                "ConsoleProducer sending the bare line (no key, no headers); informational");
    }

    private static void note(StringBuilder out, List<String> labels, String label, String text) {
        if (labels.contains(label)) {
            out.append(label).append(": ").append(text).append(NL);
        }
    }

    static String brokerCpuSource(BenchOptions options) {
        if (options.bootstrapServers().isEmpty()) {
            return "the bench's own broker process (" + BrokerChild.JVM_ARGS + "), /proc/<pid>/stat";
        }
        return options.brokerPid().isPresent()
                ? "process " + options.brokerPid().getAsLong() + " (--broker-pid), /proc/<pid>/stat"
                : "not measured (a given cluster; --broker-pid PID measures its broker)";
    }

    private static OptionalDouble seconds(java.util.OptionalLong nanos) {
        return nanos.isPresent() ? OptionalDouble.of(nanos.getAsLong() / 1e9) : OptionalDouble.empty();
    }

    private static OptionalDouble positive(long v) {
        return v > 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    private static OptionalDouble kb(RunResult r) {
        return r.peakRssKb().isPresent()
                ? OptionalDouble.of(r.peakRssKb().getAsLong() / 1024.0)
                : OptionalDouble.empty();
    }

    private static OptionalDouble metric(RunResult r, String name) {
        Double v = r.batching().get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static String fixed(OptionalDouble v, String format) {
        return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble()) : "-";
    }

    private static String micros(OptionalDouble us) {
        if (us.isEmpty()) {
            return "-";
        }
        double v = us.getAsDouble();
        return v >= 1000 ? String.format(Locale.ROOT, "%.1f ms", v / 1000) : String.format(Locale.ROOT, "%.0f us", v);
    }
}
