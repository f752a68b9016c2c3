package io.streamlake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the bench: StreamLake side by side with raw kafka-clients (and, for {@code cli-file}, Kafka's
 * ConsoleProducer) on one cluster, with the same records and fresh topics per run. After one unmeasured warm-up run
 * of each of {@code raw}, {@code json} and {@code avro}, every pair runs each chosen scenario once, in
 * {@code raw json avro flush-per-event} order on even pairs and the reverse on odd ones (so a slow drift of the
 * shared machine weighs on both sides alike); {@code cli-file}'s processes alternate the same way. {@code cli-file}'s
 * input files (StreamLake's JSON lines, ConsoleProducer's keyed lines with headers) are written once, before the
 * first pair.
 * Not thread-safe; one bench at a time per JVM is what makes the figures comparable.
 */
public final class BenchRunner {

    /** Where the CLI's shaded jar is built, relative to the repository root. */
    public static final Path DEFAULT_CLI_JAR = Path.of("streamlake-cli", "target", "streamlake.jar");

    static final String MOCK_REGISTRY = "mock://bench";
    /** The scenarios that run inside the bench's JVM, in the order of even pairs. */
    private static final List<Scenario> IN_JVM =
            List.of(Scenario.RAW, Scenario.JSON, Scenario.AVRO, Scenario.FLUSH_PER_EVENT);

    private BenchRunner() {}

    /** {@link #run(BenchOptions, Consumer)} without progress output. */
    public static BenchReport run(BenchOptions options) {
        return run(options, line -> {});
    }

    /**
     * @param progress receives one line per finished run (for a console)
     * @throws IllegalStateException when a process of {@code cli-file} fails
     * @throws io.streamlake.core.domain.StreamLakeException when the cluster or registry cannot be used
     */
    public static BenchReport run(BenchOptions options, Consumer<String> progress) {
        List<RunResult> runs = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Optional<List<String>> cli = cliCommand(options);
        boolean processes = options.scenarios().contains(Scenario.CLI_FILE)
                || options.scenarios().contains(Scenario.CLI_FILE_EXACTLY_ONCE);
        if (processes && cli.isEmpty()) {
            for (Scenario s : List.of(Scenario.CLI_FILE, Scenario.CLI_FILE_EXACTLY_ONCE)) {
                if (options.scenarios().contains(s)) {
                    skipped.put(s.scenarioName(), "skipped: CLI jar not built (" + DEFAULT_CLI_JAR + ")");
                }
            }
        }
        Workload workload = new Workload(options.events(), options.payloadBytes());
        try (BenchCluster cluster = BenchCluster.open(options)) {
            warmUp(cluster, workload, options, progress);
            ProcessInputs inputs = null;
            if (processes && cli.isPresent()) {
                inputs = ProcessInputs.write(
                        workload,
                        options,
                        options.cliCds()
                                ? CliArchive.create(cluster, workload, options, cli.get())
                                : options.streamlakeJvmArgs());
            }
            for (int pair = 0; pair < options.pairs(); pair++) {
                List<Scenario> order = new ArrayList<>(IN_JVM);
                if (pair % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Scenario s : order) {
                    if (options.scenarios().contains(s)) {
                        report(runs, progress, runInJvm(s, cluster, workload, options, pair, options.events()));
                    }
                }
                if (inputs != null) {
                    runProcesses(cluster, inputs, cli.get(), options, pair).forEach(r -> report(runs, progress, r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new BenchReport(options, runs, skipped);
    }

    /**
     * The processes of one pair: StreamLake ({@code cli-file}), StreamLake with {@code delivery.guarantee=exactly-once}
     * ({@code cli-file-exactly-once}), ConsoleProducer on the keyed lines and, when asked, on the bare lines
     * ({@code cli-file}); those of the chosen scenarios, in that order on even pairs, reversed on odd ones, and
     * returned in that order. The two StreamLake runs are neighbours either way.
     */
    private static List<RunResult> runProcesses(
            BenchCluster cluster, ProcessInputs inputs, List<String> cli, BenchOptions options, int pair)
            throws IOException, InterruptedException {
        Path logs = options.workDirectory().resolve("process-logs");
        long events = options.events();
        long payloadBytes = events * options.payloadBytes();
        List<String> jvm = options.consoleJvmArgs();
        List<ProcessStep> order = new ArrayList<>();
        boolean atLeastOnce = options.scenarios().contains(Scenario.CLI_FILE);
        if (atLeastOnce) {
            order.add(() -> ProcessRun.streamlake(
                    cluster, inputs.jsonLines(), events, pair, cli, inputs.streamlakeJvm(), logs, false));
        }
        // right after (or, on odd pairs, right before) the at-least-once run it is compared with
        if (options.scenarios().contains(Scenario.CLI_FILE_EXACTLY_ONCE)) {
            order.add(() -> ProcessRun.streamlake(
                    cluster, inputs.jsonLines(), events, pair, cli, inputs.streamlakeJvm(), logs, true));
        }
        if (atLeastOnce) {
            order.add(() -> ProcessRun.console(
                    cluster,
                    ProcessRun.ConsoleInput.KEYED,
                    inputs.consoleLines(),
                    events,
                    payloadBytes,
                    pair,
                    jvm,
                    logs));
        }
        if (atLeastOnce && options.consoleBare()) {
            order.add(() -> ProcessRun.console(
                    cluster, ProcessRun.ConsoleInput.BARE, inputs.jsonLines(), events, payloadBytes, pair, jvm, logs));
        }
        RunResult[] results = new RunResult[order.size()];
        for (int k = 0; k < order.size(); k++) {
            int index = pair % 2 == 0 ? k : order.size() - 1 - k;
            results[index] = order.get(index).run();
        }
        return List.of(results);
    }

    @FunctionalInterface
    private interface ProcessStep {
        RunResult run() throws IOException, InterruptedException;
    }

    /**
     * {@code cli-file}'s inputs, made once per bench before the first pair: the JSON lines, the console lines, and the
     * JVM options of the StreamLake processes (with {@code --cli-cds}, the class-data archive).
     */
    private record ProcessInputs(Path jsonLines, Path consoleLines, List<String> streamlakeJvm) {
        static ProcessInputs write(Workload workload, BenchOptions options, List<String> streamlakeJvm)
                throws IOException {
            Path dir = options.workDirectory();
            int n = options.events();
            return new ProcessInputs(
                    workload.writeJsonLines(dir.resolve("bench-orders-" + n + ".jsonl"), n),
                    ConsoleLines.write(workload, dir.resolve("bench-orders-" + n + ".console.txt"), n),
                    streamlakeJvm);
        }
    }

    private static void warmUp(
            BenchCluster cluster, Workload workload, BenchOptions options, Consumer<String> progress) {
        if (options.warmupEvents() == 0) {
            return;
        }
        for (Scenario s : List.of(Scenario.RAW, Scenario.JSON, Scenario.AVRO)) {
            if (options.scenarios().contains(s)) {
                RunResult r = runInJvm(s, cluster, workload, options, -1, options.warmupEvents());
                progress.accept(String.format("warm-up %s: %,.0f records/s", s.scenarioName(), r.recordsPerSecond()));
            }
        }
    }

    private static RunResult runInJvm(
            Scenario s, BenchCluster cluster, Workload workload, BenchOptions options, int pair, int events) {
        String registry = options.schemaRegistryUrl().orElse(MOCK_REGISTRY);
        String label = s.scenarioName();
        return switch (s) {
            case RAW -> RawProducerRun.run(cluster, workload, label, pair, events, false);
            case JSON ->
                StreamLakeRun.run(cluster, workload, label, pair, events, false, registry, options.prepareThreads());
            case AVRO ->
                StreamLakeRun.run(cluster, workload, label, pair, events, true, registry, options.prepareThreads());
            case FLUSH_PER_EVENT ->
                RawProducerRun.run(cluster, workload, label, pair, Math.min(events, options.flushEveryEvents()), true);
            case CLI_FILE, CLI_FILE_EXACTLY_ONCE -> throw new IllegalArgumentException(label + " runs as processes");
        };
    }

    private static void report(List<RunResult> runs, Consumer<String> progress, RunResult r) {
        runs.add(r);
        progress.accept(String.format(
                "pair %d %-21s %,10.0f records/s  p50 %,d us  p99 %,d us  acked %,d/%,d%s",
                r.pair(),
                r.label(),
                r.recordsPerSecond(),
                r.p50Micros(),
                r.p99Micros(),
                r.acknowledged(),
                r.events(),
                r.peakRssKb().isPresent()
                        ? String.format("  peak RSS %,d MB", r.peakRssKb().getAsLong() / 1024)
                        : ""));
    }

    /** The command that runs {@code streamlake}: the configured one, else {@code java -jar} on the built jar. */
    static Optional<List<String>> cliCommand(BenchOptions options) {
        if (!options.cliCommand().isEmpty()) {
            return Optional.of(options.cliCommand());
        }
        if (Files.isRegularFile(DEFAULT_CLI_JAR)) {
            return Optional.of(List.of(
                    ProcessRun.javaExecutable(),
                    "-jar",
                    DEFAULT_CLI_JAR.toAbsolutePath().toString()));
        }
        return Optional.empty();
    }
}
