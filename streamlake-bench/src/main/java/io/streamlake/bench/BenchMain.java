package io.streamlake.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -cp benchmarks.jar io.streamlake.bench.BenchMain [flags]}: runs {@link BenchRunner} and prints its
 * table. Exit code 0 when no run was void (every run delivered exactly its events), 1 when some were, 2 on a usage
 * error.
 */
public final class BenchMain {

    static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: BenchMain [--events N] [--pairs N] [--scenarios NAME,...] [--payload-bytes N]",
            "                 [--flush-events N] [--warmup-events N] [--partitions N]",
            "                 [--bootstrap-servers HOST:PORT [--broker-pid PID]] [--schema-registry-url URL]",
            "                 [--cli-jar PATH | --cli-command 'CMD ARGS'] [--process-jvm-args 'ARGS'] [--work-dir DIR]",
            "                 [--console-bare] [--cli-cds] [--no-launcher-flags] [--prepare-threads N] [--kcat PATH]",
            "scenarios: raw (raw kafka-clients), json (StreamLake JSON), avro (StreamLake Avro),",
            "          flush-per-event (raw producer, flush after each event), cli-file (streamlake produce --file",
            "          vs kcat like for like, plain kcat, Kafka's ConsoleProducer with key and value and with key and",
            "          headers, whole processes), cli-file-exactly-once (streamlake produce --file with",
            "          delivery.guarantee=exactly-once, in the same pairs as cli-file), cli-file-avro (streamlake",
            "          produce --file with --serialization avro and --schema-registry-url, beside the JSON run, which",
            "          it implies), connect-file",
            "defaults: 1,000,000 events, 5 pairs, every scenario, 200-byte payloads, flush-per-event 2,000 events,",
            "          warm-up 100,000, 6 partitions, an embedded broker in a process of its own (its CPU measured;",
            "          with --bootstrap-servers only given --broker-pid), mock:// registry (in the CLI's",
            "          JVM for cli-file-avro), kcat from the PATH",
            "          (cli-file's kcat runs are skipped without it),",
            "          CLI jar streamlake-cli/target/streamlake.jar,",
            "          -Xmx512m for both cli-file processes (as Kafka's and StreamLake's launchers run them; '' for",
            "          none), plus each launcher's own JVM flags (StreamLake's produce and the raw kafka-clients",
            "          producer: -XX:+UseSerialGC and, for a file below 16 MiB, -XX:TieredStopAtLevel=1, else",
            "          -XX:Tier4InvocationThreshold=20000 -XX:Tier4CompileThreshold=30000 -XX:InlineSmallCode=1000;",
            "          ConsoleProducer: kafka-run-class.sh's G1 settings) unless --no-launcher-flags;",
            "          cli-file compares with ConsoleProducer sending the same key and headers; --console-bare adds a",
            "          run of it on the bare lines (no key, no headers), informational; --cli-cds starts cli-file's",
            "          StreamLake processes with a class-data archive made by one untimed run, as the streamlake",
            "          launcher does; json and avro prepare on prepare.threads threads (StreamLake's default unless",
            "          --prepare-threads)");

    private BenchMain() {}

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        BenchReport report = BenchRunner.run(options, System.out::println);
        System.out.println();
        System.out.print(report.table());
        System.exit(report.voidRuns().isEmpty() ? 0 : 1);
    }

    /** @throws IllegalArgumentException naming the flag */
    static BenchOptions parse(String[] args) {
        BenchOptions o = BenchOptions.defaults();
        boolean warmupGiven = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("StreamLake bench");
            }
            if (flag.equals("--console-bare")) {
                o = o.withConsoleBare(true);
                continue;
            }
            if (flag.equals("--no-launcher-flags")) {
                o = o.withLauncherFlags(false);
                continue;
            }
            if (flag.equals("--cli-cds")) {
                o = o.withCliCds(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--events" -> o = o.withEvents(number(flag, v));
                case "--pairs" -> o = o.withPairs(number(flag, v));
                case "--scenarios" -> o = o.withScenarios(Scenario.parseList(v));
                case "--payload-bytes" -> o = o.withPayloadBytes(number(flag, v));
                case "--flush-events" -> o = o.withFlushEveryEvents(number(flag, v));
                case "--warmup-events" -> {
                    o = o.withWarmupEvents(number(flag, v));
                    warmupGiven = true;
                }
                case "--partitions" -> o = o.withPartitions(number(flag, v));
                case "--bootstrap-servers" -> o = o.withBootstrapServers(v);
                case "--schema-registry-url" -> o = o.withSchemaRegistryUrl(v);
                case "--cli-jar" ->
                    o = o.withCliCommand(List.of(
                            ProcessRun.javaExecutable(),
                            "-jar",
                            Path.of(v).toAbsolutePath().toString()));
                case "--cli-command" ->
                    o = o.withCliCommand(Arrays.asList(v.trim().split("\\s+")));
                case "--process-jvm-args" ->
                    o = o.withProcessJvmArgs(
                            v.isBlank() ? List.of() : Arrays.asList(v.trim().split("\\s+")));
                case "--work-dir" -> o = o.withWorkDirectory(Path.of(v));
                case "--prepare-threads" -> o = o.withPrepareThreads(number(flag, v));
                case "--kcat" -> o = o.withKcat(v);
                case "--broker-pid" -> o = o.withBrokerPid(number(flag, v));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (!warmupGiven) {
            o = o.withDefaultWarmupEvents();
        }
        if (o.brokerPid().isPresent() && o.bootstrapServers().isEmpty()) {
            throw new IllegalArgumentException(
                    "--broker-pid measures the broker of a given cluster: it needs --bootstrap-servers");
        }
        return o;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a whole number, got '" + value + "'");
        }
    }
}
