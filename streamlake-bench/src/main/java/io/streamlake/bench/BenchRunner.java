package io.streamlake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the bench: StreamLake side by side with raw kafka-clients (and, for {@code cli-file}, kcat and Kafka's
 * ConsoleProducer) on one cluster (by default a broker in a process of its own, {@link BrokerChild}), with the same
 * records and fresh topics per run. After one unmeasured warm-up run of each of {@code raw}, {@code json} and
 * {@code avro}, every pair runs each chosen scenario once, in {@code raw json avro flush-per-event} order on even pairs
 * and the reverse on odd ones (so a slow drift of the shared machine weighs on both sides alike); {@code cli-file}'s
 * processes alternate the same way, and so do {@code connect-file}'s runs ({@code produce --file}, then the connector
 * with 1, 2 and 4 tasks; its worker warmed up by one unmeasured 4-task run). {@code cli-file}'s input files
 * (StreamLake's JSON lines, ConsoleProducer's keyed lines with headers, the key-and-value lines of kcat and
 * ConsoleProducer key+value) are written once, before the first pair. Every run reports its client's and the broker's
 * CPU and the records it delivered ({@link RunResult}). Not thread-safe; one bench at a time per JVM is what makes the
 * figures comparable (a process run's CPU is read from the children this JVM reaps).
 */
public final class BenchRunner {

    /** Where the CLI's shaded jar is built, relative to the repository root. */
    public static final Path DEFAULT_CLI_JAR = Path.of("streamlake-cli", "target", "streamlake.jar");

    static final String MOCK_REGISTRY = "mock://bench";
    /** The scenarios that run inside the bench's JVM, in the order of even pairs. */
    private static final List<Scenario> IN_JVM =
            List.of(Scenario.RAW, Scenario.JSON, Scenario.AVRO, Scenario.FLUSH_PER_EVENT);
    /** The scenarios whose runs are {@link #runProcesses}'s. */
    private static final List<Scenario> PROCESSES =
            List.of(Scenario.CLI_FILE, Scenario.CLI_FILE_EXACTLY_ONCE, Scenario.CLI_FILE_AVRO);

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
        boolean processes = PROCESSES.stream().anyMatch(options.scenarios()::contains);
        if (processes && cli.isEmpty()) {
            for (Scenario s : PROCESSES) {
                if (options.scenarios().contains(s)) {
                    skipped.put(s.scenarioName(), "skipped: CLI jar not built (" + DEFAULT_CLI_JAR + ")");
                }
            }
        }
        Optional<Path> kcat = Optional.empty();
        if (options.scenarios().contains(Scenario.CLI_FILE) && cli.isPresent()) {
            kcat = KcatRun.locate(options.kcat());
            if (kcat.isEmpty()) {
                for (KcatRun.Mode mode : KcatRun.Mode.values()) {
                    skipped.put(mode.label(), kcatMissing(options.kcat()));
                }
            }
        }
        Optional<Path> plugins = ConnectFileRun.pluginPath();
        boolean connectFile = options.scenarios().contains(Scenario.CONNECT_FILE);
        if (connectFile && cli.isEmpty()) {
            skipped.put(Scenario.CONNECT_FILE.scenarioName(), "skipped: CLI jar not built (" + DEFAULT_CLI_JAR + ")");
            connectFile = false;
        } else if (connectFile && plugins.isEmpty()) {
            skipped.put(
                    Scenario.CONNECT_FILE.scenarioName(),
                    "skipped: no Connect plugin path (" + ConnectFileRun.PLUGIN_PATH_VARIABLE
                            + "; ./streamlake bench --scenarios connect-file builds and unzips the plugin)");
            connectFile = false;
        }
        Workload workload = new Workload(options.events(), options.payloadBytes());
        try (BenchCluster cluster = BenchCluster.open(options);
                ConnectFileRun connect = connectFile ? ConnectFileRun.start(cluster, plugins.get()) : null) {
            warmUp(cluster, workload, options, progress);
            ProcessInputs inputs = null;
            if (processes && cli.isPresent()) {
                inputs = ProcessInputs.write(workload, options, kcat);
                if (options.cliCds()) {
                    inputs = inputs.withStreamlakeJvm(
                            CliArchive.create(cluster, workload, options, cli.get(), inputs.launcherJvm()));
                }
            }
            Path connectInput = connect == null
                    ? null
                    : workload.writeJsonLines(
                            options.workDirectory().resolve("bench-orders-connect-" + options.events() + ".jsonl"),
                            options.events());
            if (connect != null && options.warmupEvents() > 0) {
                Path warmup = workload.writeJsonLines(
                        options.workDirectory().resolve("bench-orders-connect-warmup.jsonl"), options.warmupEvents());
                RunResult r = connect.run(cluster, warmup, options.warmupEvents(), 4, -1);
                progress.accept(String.format("warm-up %s: %,.0f records/s", r.label(), r.recordsPerSecond()));
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
                if (connect != null) {
                    runConnect(connect, cluster, connectInput, cli.get(), options, pair)
                            .forEach(r -> report(runs, progress, r));
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

    /** Why the kcat runs are skipped. */
    static String kcatMissing(String executable) {
        return "skipped: kcat not found (" + (executable.contains("/") ? executable : executable + " on the PATH")
                + "; install it, e.g. apt-get install kcat, or name it with --kcat PATH)";
    }

    /**
     * The processes of one pair: StreamLake with {@code --serialization avro} ({@code cli-file-avro}), StreamLake
     * ({@code cli-file}, and whenever {@code cli-file-avro} is chosen: its denominator), StreamLake with
     * {@code delivery.guarantee=exactly-once} ({@code cli-file-exactly-once}), kcat like for like, the raw
     * kafka-clients producer on the JSON lines ({@link RawFileProducer}), ConsoleProducer on the key and value, ConsoleProducer on the keyed lines with headers, ConsoleProducer on the bare lines when asked,
     * plain kcat ({@code cli-file}; the kcat runs when kcat was found); those of the chosen scenarios, in that order on
     * even pairs, reversed on odd ones, and returned in that order. The Avro and the exactly-once runs are neighbours
     * of the JSON at-least-once run either way, and so are StreamLake and kcat like for like (the headline ratio)
     * when exactly-once is not chosen.
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
        boolean avro = options.scenarios().contains(Scenario.CLI_FILE_AVRO);
        Function<ProcessRun.Variant, ProcessStep> streamlake = variant -> () -> ProcessRun.streamlake(
                cluster, inputs.jsonLines(), events, pair, cli, inputs.streamlakeJvm(), logs, variant);
        // right before (or, on odd pairs, right after) the JSON run it is compared with
        if (avro) {
            order.add(streamlake.apply(
                    ProcessRun.Variant.avro(options.schemaRegistryUrl().orElse(MOCK_REGISTRY))));
        }
        if (atLeastOnce || avro) {
            order.add(streamlake.apply(ProcessRun.Variant.JSON));
        }
        // right after (or, on odd pairs, right before) the at-least-once run it is compared with
        if (options.scenarios().contains(Scenario.CLI_FILE_EXACTLY_ONCE)) {
            order.add(streamlake.apply(ProcessRun.Variant.EXACTLY_ONCE));
        }
        Function<KcatRun.Mode, ProcessStep> kcat = mode -> () ->
                KcatRun.run(cluster, mode, inputs.kcat().get(), inputs.keyedLines(), events, payloadBytes, pair, logs);
        if (atLeastOnce && inputs.kcat().isPresent()) {
            order.add(kcat.apply(KcatRun.Mode.LIKE_FOR_LIKE));
        }
        if (atLeastOnce) {
            order.add(() -> ProcessRun.rawProducer(
                    cluster, inputs.jsonLines(), events, payloadBytes, pair, inputs.launcherJvm(), logs));
            order.add(() -> ProcessRun.console(
                    cluster,
                    ProcessRun.ConsoleInput.KEY_VALUE,
                    inputs.keyedLines(),
                    events,
                    payloadBytes,
                    pair,
                    jvm,
                    logs));
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
        if (atLeastOnce && inputs.kcat().isPresent()) {
            order.add(kcat.apply(KcatRun.Mode.PLAIN));
        }
        return runInPairOrder(order, pair);
    }

    /**
     * {@code connect-file}'s runs of one pair: {@code streamlake produce --file}, then the connector with 1, 2 and 4
     * tasks, on the same file; reversed on odd pairs. Returned in that order.
     */
    private static List<RunResult> runConnect(
            ConnectFileRun connect, BenchCluster cluster, Path file, List<String> cli, BenchOptions options, int pair)
            throws IOException, InterruptedException {
        Path logs = options.workDirectory().resolve("process-logs");
        long events = options.events();
        List<ProcessStep> order = new ArrayList<>();
        order.add(() -> ProcessRun.streamlake(
                cluster,
                file,
                events,
                pair,
                cli,
                options.streamlakeJvmArgs(Files.size(file)),
                logs,
                ProcessRun.Variant.JSON.as(ConnectFileRun.PRODUCE_LABEL, "connectproduce")));
        for (int tasks : ConnectFileRun.TASKS) {
            order.add(() -> connect.run(cluster, file, events, tasks, pair));
        }
        return runInPairOrder(order, pair);
    }

    @FunctionalInterface
    private interface ProcessStep {
        RunResult run() throws IOException, InterruptedException;
    }

    /** Runs {@code order} first to last on even pairs, last to first on odd ones; the results in {@code order}'s order. */
    private static List<RunResult> runInPairOrder(List<ProcessStep> order, int pair)
            throws IOException, InterruptedException {
        RunResult[] results = new RunResult[order.size()];
        for (int k = 0; k < order.size(); k++) {
            int index = pair % 2 == 0 ? k : order.size() - 1 - k;
            results[index] = order.get(index).run();
        }
        return List.of(results);
    }

    /**
     * {@code cli-file}'s inputs, made once per bench before the first pair: the JSON lines, the console lines with
     * headers, the keyed lines (key, tab, payload: kcat's and ConsoleProducer key+value's), the JVM options
     * StreamLake's launcher gives a {@code produce} of the JSON lines (those of the raw kafka-clients producer too), the
     * JVM options of the StreamLake processes (those, and with {@code --cli-cds} the class-data archive) and the kcat
     * executable, when found.
     */
    private record ProcessInputs(
            Path jsonLines,
            Path consoleLines,
            Path keyedLines,
            List<String> launcherJvm,
            List<String> streamlakeJvm,
            Optional<Path> kcat) {
        static ProcessInputs write(Workload workload, BenchOptions options, Optional<Path> kcat) throws IOException {
            Path dir = options.workDirectory();
            int n = options.events();
            Path jsonLines = workload.writeJsonLines(dir.resolve("bench-orders-" + n + ".jsonl"), n);
            List<String> launcherJvm = options.streamlakeJvmArgs(Files.size(jsonLines));
            return new ProcessInputs(
                    jsonLines,
                    ConsoleLines.write(workload, dir.resolve("bench-orders-" + n + ".console.txt"), n),
                    workload.writeKeyedLines(dir.resolve("bench-orders-" + n + ".keyed.txt"), n),
                    launcherJvm,
                    launcherJvm,
                    kcat);
        }

        ProcessInputs withStreamlakeJvm(List<String> jvm) {
            return new ProcessInputs(jsonLines, consoleLines, keyedLines, launcherJvm, jvm, kcat);
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
            case CLI_FILE, CLI_FILE_EXACTLY_ONCE, CLI_FILE_AVRO, CONNECT_FILE ->
                throw new IllegalArgumentException(label + " runs as processes");
        };
    }

    private static void report(List<RunResult> runs, Consumer<String> progress, RunResult r) {
        runs.add(r);
        progress.accept(progressLine(r));
    }

    /**
     * One finished run: records/s, wall time, client and broker CPU (seconds and microseconds per event), latency,
     * peak RSS, delivered records, and {@code VOID} with why when it is void.
     */
    static String progressLine(RunResult r) {
        return String.format(
                Locale.ROOT,
                "pair %d %-26s %,10.0f records/s  wall %.2f s  client CPU %s  broker CPU %s%s%s  delivered %,d/%,d%s",
                r.pair(),
                r.label(),
                r.recordsPerSecond(),
                r.nanos() / 1e9,
                cpu(r.cpuNanos(), r.events()),
                cpu(r.brokerCpuNanos(), r.events()),
                r.p50Micros() > 0
                        ? String.format(Locale.ROOT, "  p50 %,d us  p99 %,d us", r.p50Micros(), r.p99Micros())
                        : "",
                r.peakRssKb().isPresent()
                        ? String.format(
                                Locale.ROOT, "  peak RSS %,d MB", r.peakRssKb().getAsLong() / 1024)
                        : "",
                r.delivered(),
                r.events(),
                r.voidReason().map(why -> "  VOID: " + why).orElse(""));
    }

    private static String cpu(java.util.OptionalLong nanos, long events) {
        return nanos.isPresent()
                ? String.format(
                        Locale.ROOT,
                        "%.2f s (%.2f us/event)",
                        nanos.getAsLong() / 1e9,
                        nanos.getAsLong() / 1000.0 / events)
                : "not measured";
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
