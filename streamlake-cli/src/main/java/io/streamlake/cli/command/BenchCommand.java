package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.bench.BenchOptions;
import io.streamlake.bench.BenchReport;
import io.streamlake.bench.BenchRunner;
import io.streamlake.bench.Scenario;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.context.UsageException;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.config.Settings;
import io.streamlake.schema.config.SchemaConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: StreamLake side by side with raw kafka-clients on the same broker and records, as interleaved
 * pairs; prints medians and medians of per-pair ratios (see docs/performance.md). Parses and prints only: the
 * harness is {@link BenchRunner}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark StreamLake against raw kafka-clients, kcat and Kafka's ConsoleProducer in interleaved pairs, on "
                    + "an embedded broker in a process of its own unless bootstrap servers are given. Every run reports "
                    + "wall time, client CPU and broker CPU, and counts the records delivered. Scenarios: raw (raw "
                    + "kafka-clients producer), json (StreamLake JSON), avro (StreamLake Avro), flush-per-event (raw "
                    + "producer, flush after each event), cli-file ('produce --file' vs kcat like for like, plain kcat, "
                    + "and Kafka's ConsoleProducer with the same key and value and with the same key and headers, whole "
                    + "processes; kcat from the PATH, its runs skipped without it), "
                    + "cli-file-exactly-once ('produce --file' with delivery.guarantee=exactly-once, in the same pairs; "
                    + "not in the default list), "
                    + "cli-file-avro ('produce --file' with --serialization avro and --schema-registry-url, else "
                    + "mock://bench in the CLI's JVM, beside the JSON 'produce --file' of the same pairs; not in the "
                    + "default list), "
                    + "connect-file (the StreamLake file source on a Kafka Connect worker with 1, 2 and 4 tasks vs "
                    + "'produce --file' of the same file; not in the default list).",
            "Exit 0 when every run delivered exactly its events, 1 when a run was void (lost records or failed)."
        })
public final class BenchCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Events per run of raw, json, avro and cli-file (default ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--pairs",
            paramLabel = "N",
            defaultValue = "5",
            description = "Interleaved rounds (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(
            names = "--scenarios",
            paramLabel = "NAME,…",
            defaultValue = "raw,json,avro,flush-per-event,cli-file",
            description = "Which scenarios, comma-separated names (default ${DEFAULT-VALUE}).")
    String scenarios;

    @Option(
            names = "--payload-bytes",
            paramLabel = "N",
            defaultValue = "200",
            description = "Size of each JSON payload (default ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Option(
            names = "--flush-events",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Events of flush-per-event, which flushes after each (default ${DEFAULT-VALUE}).")
    int flushEvents;

    @Option(
            names = "--warmup-events",
            paramLabel = "N",
            description = "Unmeasured warm-up events (default: events/5, at most 100,000).")
    Integer warmupEvents;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "6",
            description = "Partitions of each fresh topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--cli-jar",
            paramLabel = "PATH",
            description = "streamlake.jar for cli-file (default: "
                    + "streamlake-cli/target/streamlake.jar when it exists, else cli-file is skipped).")
    Path cliJar;

    @Option(
            names = "--process-jvm-args",
            paramLabel = "ARGS",
            description =
                    "JVM options for both processes of cli-file (default -Xmx512m, the heap Kafka's kafka-console-producer.sh "
                            + "and the streamlake launcher's produce run with; '' for the JVM's own sizing).")
    String processJvmArgs;

    @Option(
            names = "--console-bare",
            description =
                    "cli-file also runs ConsoleProducer on the bare lines (no key, no headers), beside the like-for-like run with StreamLake's key and headers; informational.")
    boolean consoleBare;

    @Option(
            names = "--cli-cds",
            description =
                    "cli-file's StreamLake processes start with a class-data (AppCDS) archive made by one untimed run, as the streamlake launcher does.")
    boolean cliCds;

    @Option(
            names = "--no-launcher-flags",
            description =
                    "cli-file's processes get only --process-jvm-args, not their launchers' own JVM flags (by default StreamLake's produce "
                            + "runs with -XX:+UseSerialGC as ./streamlake does, ConsoleProducer with kafka-run-class.sh's G1 settings).")
    boolean noLauncherFlags;

    @Option(
            names = "--kcat",
            paramLabel = "PATH",
            description = "The kcat executable of cli-file's kcat runs (default: kcat on the PATH; "
                    + "without one those runs are skipped).")
    String kcat;

    @Option(
            names = "--broker-pid",
            paramLabel = "PID",
            description = "With given bootstrap servers: the broker's process id, so its CPU is measured "
                    + "(/proc/PID/stat); without it a given cluster's broker CPU is not measured.")
    Long brokerPid;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Broker data, cli-file's input file and logs (default: .streamlake/bench).")
    Path workDir;

    private final CliContext context;
    private final CliEnvironment environment;
    private final ConsoleStreams console;

    @Inject
    BenchCommand(CliContext context, CliEnvironment environment, ConsoleStreams console) {
        this.context = context;
        this.environment = environment;
        this.console = console;
    }

    @Override
    public Integer call() {
        BenchOptions options = options(context.settings());
        BenchReport report = BenchRunner.run(options, line -> {
            console.err().println(line);
            console.err().flush();
        });
        console.out().println();
        console.out().print(report.table());
        console.out().flush();
        return report.voidRuns().isEmpty() ? 0 : 1;
    }

    private BenchOptions options(Settings settings) {
        BenchOptions o = BenchOptions.defaults()
                .withEvents(events)
                .withPairs(pairs)
                .withScenarios(Scenario.parseList(scenarios))
                .withPayloadBytes(payloadBytes)
                .withFlushEveryEvents(flushEvents)
                .withPartitions(partitions)
                .withConsoleBare(consoleBare)
                .withCliCds(cliCds)
                .withLauncherFlags(!noLauncherFlags)
                .withPrepareThreads(settings.core().prepareThreads())
                .withWorkDirectory(
                        workDir != null
                                ? workDir
                                : environment
                                        .workingDirectory()
                                        .resolve(".streamlake")
                                        .resolve("bench"));
        o = warmupEvents != null ? o.withWarmupEvents(warmupEvents) : o.withDefaultWarmupEvents();
        Optional<String> bootstrap = explicit(settings, KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap.isPresent()) {
            o = o.withBootstrapServers(bootstrap.get());
        }
        Optional<String> registry = explicit(settings, SchemaConfig.REGISTRY_URL_CONFIG);
        if (registry.isPresent()) {
            o = o.withSchemaRegistryUrl(registry.get());
        }
        if (cliJar != null) {
            o = o.withCliCommand(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    cliJar.toAbsolutePath().toString()));
        }
        if (kcat != null) {
            o = o.withKcat(kcat);
        }
        if (brokerPid != null) {
            if (bootstrap.isEmpty()) {
                throw new UsageException(
                        "--broker-pid measures the broker of a given cluster: it needs --bootstrap-servers");
            }
            o = o.withBrokerPid(brokerPid);
        }
        if (processJvmArgs != null) {
            o = o.withProcessJvmArgs(
                    processJvmArgs.isBlank()
                            ? List.of()
                            : Arrays.asList(processJvmArgs.trim().split("\\s+")));
        }
        return o;
    }

    /** A value given in a file, the environment or a flag; the defaults mean "start an embedded one". */
    private static Optional<String> explicit(Settings settings, String key) {
        return Optional.ofNullable(settings.given().get(key));
    }
}
