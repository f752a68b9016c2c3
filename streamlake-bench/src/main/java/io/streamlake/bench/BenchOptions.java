package io.streamlake.bench;

import io.streamlake.core.domain.IngestionSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@link BenchRunner#run} measures and where. A plain record, so a command line (BenchMain, the CLI's
 * {@code bench}) maps its flags onto it one to one.
 *
 * @param events            events per run of {@code raw}, {@code json}, {@code avro} and {@code cli-file}
 * @param pairs             interleaved pairs; every pair runs each chosen scenario once (order alternates)
 * @param scenarios         which {@link Scenario}s to run
 * @param payloadBytes      size of each JSON payload (an {@code orders} v2 event padded through its order id)
 * @param flushEveryEvents  events per run of {@code flush-per-event} (a flush after each is slow, so fewer)
 * @param warmupEvents      events of one unmeasured run of each in-JVM scenario before the first pair
 * @param partitions        partitions of every fresh RAW and DLQ topic
 * @param bootstrapServers  the cluster; empty starts an embedded single-broker cluster for the run, in a process of its
 *                          own
 * @param schemaRegistryUrl the registry for {@code avro}; empty uses the in-memory {@code mock://bench} registry
 * @param cliCommand        the command that runs {@code streamlake} for {@code cli-file} (e.g.
 *                          {@code java -jar streamlake.jar}); empty uses {@code streamlake-cli/target/streamlake.jar}
 *                          when it exists, else {@code cli-file} is skipped
 * @param processJvmArgs    JVM options given to both {@code cli-file} processes (same for both);
 *                          {@link #DEFAULT_PROCESS_JVM_ARGS} by default
 * @param workDirectory     where the broker's data, the JSONL file of {@code cli-file} and process logs go
 * @param consoleBare       {@code cli-file} also runs ConsoleProducer on the bare lines (no key, no headers), an
 *                          informational row beside the like-for-like one
 * @param cliCds            {@code cli-file}'s StreamLake processes start with an AppCDS archive of the CLI's classes,
 *                          made by one untimed run before the first pair (as the {@code streamlake} launcher does)
 * @param prepareThreads    StreamLake's {@code prepare.threads} for {@code json} and {@code avro} (threads that parse,
 *                          validate and serialize while another sends)
 * @param launcherFlags     {@code cli-file}'s processes also get the JVM options their launchers add: StreamLake
 *                          and {@link RawFileProducer} {@link #streamlakeJvmArgs(long)} (as {@code ./streamlake
 *                          produce} on a file of that size), ConsoleProducer
 *                          {@link #KAFKA_LAUNCHER_JVM_ARGS} (as {@code kafka-console-producer.sh}); on by default
 * @param kcat              the kcat executable of {@code cli-file}'s kcat runs: a name looked up on the {@code PATH}
 *                          ({@link #DEFAULT_KCAT} by default) or a path; when there is none, those runs are skipped
 * @param brokerPid         the process id of the broker of a given cluster ({@code bootstrapServers}), whose CPU time
 *                          is then read from {@code /proc/<pid>/stat}; without it a given cluster's broker CPU is not
 *                          measured (the bench's own broker process always is)
 */
public record BenchOptions(
        int events,
        int pairs,
        Set<Scenario> scenarios,
        int payloadBytes,
        int flushEveryEvents,
        int warmupEvents,
        int partitions,
        Optional<String> bootstrapServers,
        Optional<String> schemaRegistryUrl,
        List<String> cliCommand,
        List<String> processJvmArgs,
        Path workDirectory,
        boolean consoleBare,
        boolean cliCds,
        int prepareThreads,
        boolean launcherFlags,
        String kcat,
        OptionalLong brokerPid) {

    /** The kcat executable looked up on the {@code PATH} unless told otherwise. */
    public static final String DEFAULT_KCAT = "kcat";

    /** The smallest payload ({@link Workload#MIN_BYTES}: an order id and an amount, no currency). */
    public static final int MIN_PAYLOAD_BYTES = Workload.MIN_BYTES;
    /**
     * The heap both {@code cli-file} processes get unless told otherwise: what Kafka's {@code kafka-console-producer.sh} gives
     * ConsoleProducer ({@code KAFKA_HEAP_OPTS=-Xmx512M}) and the {@code streamlake} launcher gives {@code produce}.
     */
    public static final List<String> DEFAULT_PROCESS_JVM_ARGS = List.of("-Xmx512m");
    /**
     * The input size from which the {@code streamlake} launcher lets {@code produce} hand hot code to the optimizing
     * compiler; below it the quick compiler only ({@link #STREAMLAKE_LAUNCHER_SMALL_INPUT_JIT}). The launcher's
     * {@code small_input} threshold: the two must say the same.
     */
    public static final long STREAMLAKE_LAUNCHER_SMALL_INPUT_BYTES = 16L * 1024 * 1024;
    /** The collector the {@code streamlake} launcher gives {@code produce}. */
    public static final List<String> STREAMLAKE_LAUNCHER_GC = List.of("-XX:+UseSerialGC");
    /** The launcher's compiler choice for a {@code produce} input below {@link #STREAMLAKE_LAUNCHER_SMALL_INPUT_BYTES}. */
    public static final List<String> STREAMLAKE_LAUNCHER_SMALL_INPUT_JIT = List.of("-XX:TieredStopAtLevel=1");
    /**
     * The launcher's compiler choice for a larger {@code produce} input: a later hand-over to the optimizing compiler,
     * which calls a method already compiled to more than 1,000 bytes instead of compiling it again inside each caller.
     */
    public static final List<String> STREAMLAKE_LAUNCHER_LARGE_INPUT_JIT = List.of(
            "-XX:Tier4InvocationThreshold=20000", "-XX:Tier4CompileThreshold=30000", "-XX:InlineSmallCode=1000");
    /**
     * What Kafka's {@code kafka-run-class.sh} (under {@code kafka-console-producer.sh}) adds besides the heap: its
     * {@code KAFKA_JVM_PERFORMANCE_OPTS} default (Kafka 4.x).
     */
    public static final List<String> KAFKA_LAUNCHER_JVM_ARGS = List.of(
            "-server",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent",
            "-XX:MaxInlineLevel=15",
            "-Djava.awt.headless=true");

    public BenchOptions {
        if (events < 1) {
            throw new IllegalArgumentException("events must be at least 1, got " + events);
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1, got " + pairs);
        }
        Objects.requireNonNull(scenarios, "scenarios");
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("at least one scenario");
        }
        scenarios = Set.copyOf(scenarios);
        if (payloadBytes < MIN_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(
                    "payload bytes must be at least " + MIN_PAYLOAD_BYTES + ", got " + payloadBytes);
        }
        if (flushEveryEvents < 1) {
            throw new IllegalArgumentException("flush-every events must be at least 1, got " + flushEveryEvents);
        }
        if (warmupEvents < 0) {
            throw new IllegalArgumentException("warm-up events must not be negative, got " + warmupEvents);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        cliCommand = List.copyOf(cliCommand);
        processJvmArgs = List.copyOf(processJvmArgs);
        Objects.requireNonNull(workDirectory, "workDirectory");
        if (prepareThreads < 0) {
            throw new IllegalArgumentException("prepare threads must not be negative, got " + prepareThreads);
        }
        Objects.requireNonNull(kcat, "kcat");
        if (kcat.isBlank()) {
            throw new IllegalArgumentException("the kcat executable must not be blank");
        }
        Objects.requireNonNull(brokerPid, "brokerPid");
        if (brokerPid.isPresent() && brokerPid.getAsLong() < 1) {
            throw new IllegalArgumentException("broker pid must be a process id, got " + brokerPid.getAsLong());
        }
    }

    /**
     * 1,000,000 events, 5 pairs, every scenario, 200-byte payloads, 2,000 events for {@code flush-per-event},
     * 6 partitions, embedded broker, {@code cli-file} without the bare ConsoleProducer row, without a class-data archive
     * for the CLI.
     */
    public static BenchOptions defaults() {
        return new BenchOptions(
                1_000_000,
                5,
                EnumSet.allOf(Scenario.class),
                200,
                2_000,
                100_000,
                6,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                DEFAULT_PROCESS_JVM_ARGS,
                Path.of("target", "bench"),
                false,
                false,
                IngestionSettings.DEFAULT_PREPARE_THREADS,
                true,
                DEFAULT_KCAT,
                OptionalLong.empty());
    }

    public BenchOptions withEvents(int n) {
        return copy(c -> c.events = n);
    }

    public BenchOptions withPairs(int n) {
        return copy(c -> c.pairs = n);
    }

    public BenchOptions withScenarios(Set<Scenario> s) {
        return copy(c -> c.scenarios = s);
    }

    public BenchOptions withPayloadBytes(int n) {
        return copy(c -> c.payloadBytes = n);
    }

    public BenchOptions withFlushEveryEvents(int n) {
        return copy(c -> c.flushEveryEvents = n);
    }

    public BenchOptions withWarmupEvents(int n) {
        return copy(c -> c.warmupEvents = n);
    }

    /** The warm-up used when none is given: a fifth of the measured events, at most the current warm-up, at least 1. */
    public BenchOptions withDefaultWarmupEvents() {
        return withWarmupEvents(Math.min(warmupEvents, Math.max(1, events / 5)));
    }

    public BenchOptions withPartitions(int n) {
        return copy(c -> c.partitions = n);
    }

    public BenchOptions withBootstrapServers(String servers) {
        return copy(c -> c.bootstrapServers = Optional.ofNullable(servers));
    }

    public BenchOptions withSchemaRegistryUrl(String url) {
        return copy(c -> c.schemaRegistryUrl = Optional.ofNullable(url));
    }

    public BenchOptions withCliCommand(List<String> command) {
        return copy(c -> c.cliCommand = command);
    }

    public BenchOptions withProcessJvmArgs(List<String> args) {
        return copy(c -> c.processJvmArgs = args);
    }

    public BenchOptions withWorkDirectory(Path dir) {
        return copy(c -> c.workDirectory = dir);
    }

    public BenchOptions withConsoleBare(boolean bare) {
        return copy(c -> c.consoleBare = bare);
    }

    public BenchOptions withCliCds(boolean cds) {
        return copy(c -> c.cliCds = cds);
    }

    public BenchOptions withPrepareThreads(int n) {
        return copy(c -> c.prepareThreads = n);
    }

    public BenchOptions withLauncherFlags(boolean flags) {
        return copy(c -> c.launcherFlags = flags);
    }

    /** The kcat executable: a name looked up on the {@code PATH}, or a path. */
    public BenchOptions withKcat(String executable) {
        return copy(c -> c.kcat = executable);
    }

    public BenchOptions withBrokerPid(long pid) {
        return copy(c -> c.brokerPid = OptionalLong.of(pid));
    }

    /** These options with {@code change} applied to a mutable copy, checked again by the constructor. */
    private BenchOptions copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The components of a {@link BenchOptions}, mutable, for the withers. */
    private static final class Copy {
        int events;
        int pairs;
        Set<Scenario> scenarios;
        int payloadBytes;
        int flushEveryEvents;
        int warmupEvents;
        int partitions;
        Optional<String> bootstrapServers;
        Optional<String> schemaRegistryUrl;
        List<String> cliCommand;
        List<String> processJvmArgs;
        Path workDirectory;
        boolean consoleBare;
        boolean cliCds;
        int prepareThreads;
        boolean launcherFlags;
        String kcat;
        OptionalLong brokerPid;

        Copy(BenchOptions o) {
            events = o.events;
            pairs = o.pairs;
            scenarios = o.scenarios;
            payloadBytes = o.payloadBytes;
            flushEveryEvents = o.flushEveryEvents;
            warmupEvents = o.warmupEvents;
            partitions = o.partitions;
            bootstrapServers = o.bootstrapServers;
            schemaRegistryUrl = o.schemaRegistryUrl;
            cliCommand = o.cliCommand;
            processJvmArgs = o.processJvmArgs;
            workDirectory = o.workDirectory;
            consoleBare = o.consoleBare;
            cliCds = o.cliCds;
            prepareThreads = o.prepareThreads;
            launcherFlags = o.launcherFlags;
            kcat = o.kcat;
            brokerPid = o.brokerPid;
        }

        BenchOptions build() {
            return new BenchOptions(
                    events,
                    pairs,
                    scenarios,
                    payloadBytes,
                    flushEveryEvents,
                    warmupEvents,
                    partitions,
                    bootstrapServers,
                    schemaRegistryUrl,
                    cliCommand,
                    processJvmArgs,
                    workDirectory,
                    consoleBare,
                    cliCds,
                    prepareThreads,
                    launcherFlags,
                    kcat,
                    brokerPid);
        }
    }

    /**
     * The JVM options of {@code cli-file}'s StreamLake processes (before a class-data archive's) on an input of
     * {@code inputBytes}: with the launcher's flags, what {@code ./streamlake produce --file} adds for a file of that
     * size (the collector, then the compiler choice).
     */
    public List<String> streamlakeJvmArgs(long inputBytes) {
        if (!launcherFlags) {
            return processJvmArgs;
        }
        List<String> launcher = new java.util.ArrayList<>(STREAMLAKE_LAUNCHER_GC);
        launcher.addAll(
                inputBytes < STREAMLAKE_LAUNCHER_SMALL_INPUT_BYTES
                        ? STREAMLAKE_LAUNCHER_SMALL_INPUT_JIT
                        : STREAMLAKE_LAUNCHER_LARGE_INPUT_JIT);
        return concat(processJvmArgs, launcher);
    }

    /** The JVM options of {@code cli-file}'s ConsoleProducer processes. */
    public List<String> consoleJvmArgs() {
        return launcherFlags ? concat(processJvmArgs, KAFKA_LAUNCHER_JVM_ARGS) : processJvmArgs;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
