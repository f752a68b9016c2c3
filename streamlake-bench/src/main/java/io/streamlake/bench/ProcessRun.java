package io.streamlake.bench;

import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Scenario {@code cli-file}: whole processes, to fresh provisioned topics. {@code streamlake produce --file} on a JSON
 * Lines file (validating every line, key from {@code order_id}, StreamLake's headers) against Kafka's own
 * {@code org.apache.kafka.tools.ConsoleProducer} with the same producer settings, read from the adapter's
 * {@code producerProperties()}, on a file of the same lines with the same key and headers pre-rendered
 * ({@link ConsoleInput#KEYED}; no validation), on the same key and payload without headers
 * ({@link ConsoleInput#KEY_VALUE}) or, informational, on the bare lines ({@link ConsoleInput#BARE}: no key, no
 * headers). Time is start to exit (JVM start included); peak RSS is the process's VmHWM, sampled from
 * {@code /proc/<pid>/status} every 50 ms until it exits; CPU is the process's whole CPU time ({@link RunCpu#ofChild}).
 */
final class ProcessRun {

    static final String CONSOLE_PRODUCER = "org.apache.kafka.tools.ConsoleProducer";
    /** The label of {@code streamlake produce --file}'s runs. */
    static final String STREAMLAKE_LABEL = Scenario.CLI_FILE.scenarioName() + " streamlake";
    /** The label of {@code streamlake produce --file}'s runs with {@code delivery.guarantee=exactly-once}. */
    static final String EXACTLY_ONCE_LABEL = Scenario.CLI_FILE.scenarioName() + " exactly-once";
    /** The label of {@code streamlake produce --file}'s runs with {@code --serialization avro}. */
    static final String AVRO_LABEL = Scenario.CLI_FILE.scenarioName() + " avro";
    /** The label of {@link RawFileProducer}'s runs: kafka-clients alone sending {@code produce --file}'s records. */
    static final String RAW_PRODUCER_LABEL = Scenario.CLI_FILE.scenarioName() + " raw kafka-clients";
    /** The producer settings handed to ConsoleProducer and {@link RawFileProducer}, as {@code --producer-property}. */
    static final List<String> SHARED_PRODUCER_KEYS = List.of(
            KafkaAdapterConfig.ACKS_CONFIG,
            KafkaAdapterConfig.ENABLE_IDEMPOTENCE_CONFIG,
            KafkaAdapterConfig.MAX_IN_FLIGHT_CONFIG,
            KafkaAdapterConfig.LINGER_MS_CONFIG,
            KafkaAdapterConfig.BATCH_SIZE_CONFIG,
            KafkaAdapterConfig.COMPRESSION_TYPE_CONFIG,
            KafkaAdapterConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            KafkaAdapterConfig.REQUEST_TIMEOUT_MS_CONFIG);

    private ProcessRun() {}

    /**
     * Which {@code streamlake produce --file} run: its label, the label its fresh topics are named after, the
     * arguments it adds to the common ones (serialization, settings) and whether its topic is written in transactions
     * (then only what a {@code read_committed} consumer reads counts as delivered).
     *
     * @param label         the label of its runs
     * @param topicLabel    what its fresh topics are named after
     * @param arguments     added after the common arguments (dataset, file, key field, cluster, topic prefix)
     * @param transactional whether its records are written in transactions
     */
    record Variant(String label, String topicLabel, List<String> arguments, boolean transactional) {

        /** At-least-once, JSON: {@code cli-file streamlake}. */
        static final Variant JSON =
                new Variant(STREAMLAKE_LABEL, "clifilesl", List.of("--serialization", "json"), false);

        /** JSON with {@code delivery.guarantee=exactly-once}: {@code cli-file exactly-once}. */
        static final Variant EXACTLY_ONCE = new Variant(
                EXACTLY_ONCE_LABEL,
                "clifileeos",
                List.of("--serialization", "json", "--set", "delivery.guarantee=exactly-once"),
                true);

        Variant {
            arguments = List.copyOf(arguments);
        }

        /** At-least-once, Avro through the registry at {@code registryUrl}: {@code cli-file avro}. */
        static Variant avro(String registryUrl) {
            return new Variant(
                    AVRO_LABEL,
                    "clifileavro",
                    List.of("--serialization", "avro", "--schema-registry-url", registryUrl),
                    false);
        }

        /** This variant's run under another label, to topics named after {@code otherTopicLabel}. */
        Variant as(String otherLabel, String otherTopicLabel) {
            return new Variant(otherLabel, otherTopicLabel, arguments, transactional);
        }
    }

    /** {@code streamlake produce --file} as {@code variant}'s run, to fresh topics named after its topic label. */
    static RunResult streamlake(
            BenchCluster cluster,
            Path file,
            long events,
            int pair,
            List<String> cliCommand,
            List<String> jvmArgs,
            Path logDir,
            Variant variant)
            throws IOException, InterruptedException {
        TopicNaming naming = cluster.freshTopics(variant.topicLabel());
        List<String> command =
                streamlakeCommand(cliCommand, jvmArgs, file, cluster.bootstrapServers(), naming.prefix(), variant);
        return measure(
                variant.label(),
                pair,
                command,
                cluster,
                naming.raw(Workload.DATASET),
                events,
                Files.size(file) - events,
                logDir,
                null,
                variant.transactional());
    }

    /**
     * The command line of {@code variant}'s run: {@code cliCommand} (with {@code jvmArgs} after the java executable
     * when it starts with one), then {@code produce} with the dataset, the file, the key field, the cluster, the topic
     * prefix and the variant's arguments.
     */
    static List<String> streamlakeCommand(
            List<String> cliCommand,
            List<String> jvmArgs,
            Path file,
            String bootstrapServers,
            String topicPrefix,
            Variant variant) {
        List<String> command = new ArrayList<>();
        if (cliCommand.size() > 1 && cliCommand.get(0).endsWith("java")) {
            command.add(cliCommand.get(0));
            command.addAll(jvmArgs);
            command.addAll(cliCommand.subList(1, cliCommand.size()));
        } else {
            command.addAll(cliCommand);
        }
        command.addAll(List.of(
                "produce",
                "--dataset",
                Workload.DATASET.value(),
                "--file",
                file.toAbsolutePath().toString(),
                "--key-field",
                Workload.KEY_FIELD,
                "--bootstrap-servers",
                bootstrapServers,
                "--topic-prefix",
                topicPrefix));
        command.addAll(variant.arguments());
        return command;
    }

    /** What ConsoleProducer reads, and the label of its runs. */
    enum ConsoleInput {
        /**
         * {@link ConsoleLines}: per line the same key and six headers StreamLake writes, then the payload. The
         * like-for-like baseline, the denominator of {@code cli-file}'s ratio.
         */
        KEYED(Scenario.CLI_FILE.scenarioName() + " console", "clifilecp", ConsoleLines.readerArguments()),
        /**
         * {@link Workload#writeKeyedLines}: the same key and payload per line, no headers (what a user runs without
         * StreamLake; the lines kcat reads).
         */
        KEY_VALUE(
                Scenario.CLI_FILE.scenarioName() + " console key+value",
                "clifileckv",
                List.of(
                        "--reader-property",
                        "parse.key=true",
                        "--reader-property",
                        "key.separator=" + Workload.KEY_SEPARATOR,
                        "--reader-property",
                        "ignore.error=false")),
        /** The bare JSON lines StreamLake reads (no key, no headers): informational. */
        BARE(
                Scenario.CLI_FILE.scenarioName() + " console bare",
                "clifilecb",
                List.of("--reader-property", "ignore.error=false"));

        private final String label;
        private final String topicLabel;
        private final List<String> readerArguments;

        ConsoleInput(String label, String topicLabel, List<String> readerArguments) {
            this.label = label;
            this.topicLabel = topicLabel;
            this.readerArguments = readerArguments;
        }

        String label() {
            return label;
        }
    }

    /**
     * ConsoleProducer on {@code file} to a fresh topic.
     *
     * @param payloadBytes the JSON payload bytes of the file's lines (without keys, headers and newlines)
     */
    static RunResult console(
            BenchCluster cluster,
            ConsoleInput input,
            Path file,
            long events,
            long payloadBytes,
            int pair,
            List<String> jvmArgs,
            Path logDir)
            throws IOException, InterruptedException {
        return console(
                cluster,
                cluster.freshTopics(input.topicLabel),
                input,
                file,
                events,
                payloadBytes,
                pair,
                jvmArgs,
                logDir);
    }

    /** Like {@link #console(BenchCluster, ConsoleInput, Path, long, long, int, List, Path)} to {@code naming}'s RAW topic. */
    static RunResult console(
            BenchCluster cluster,
            TopicNaming naming,
            ConsoleInput input,
            Path file,
            long events,
            long payloadBytes,
            int pair,
            List<String> jvmArgs,
            Path logDir)
            throws IOException, InterruptedException {
        String topic = naming.raw(Workload.DATASET);
        List<String> command = javaCommand(jvmArgs, CONSOLE_PRODUCER);
        command.addAll(List.of("--bootstrap-server", cluster.bootstrapServers(), "--topic", topic));
        command.addAll(producerPropertyArguments(cluster));
        command.addAll(input.readerArguments);
        return measure(input.label, pair, command, cluster, topic, events, payloadBytes, logDir, file, false);
    }

    /**
     * {@link RawFileProducer} on the JSON lines {@code file} to a fresh topic, as a child JVM with {@code jvmArgs} and
     * the producer settings ConsoleProducer gets ({@link #SHARED_PRODUCER_KEYS}).
     *
     * @param payloadBytes the JSON payload bytes of the file's lines (without newlines)
     */
    static RunResult rawProducer(
            BenchCluster cluster,
            Path file,
            long events,
            long payloadBytes,
            int pair,
            List<String> jvmArgs,
            Path logDir)
            throws IOException, InterruptedException {
        String topic = cluster.freshTopics("clifileraw").raw(Workload.DATASET);
        List<String> command = javaCommand(jvmArgs, RawFileProducer.class.getName());
        command.addAll(List.of(
                "--bootstrap-servers",
                cluster.bootstrapServers(),
                "--topic",
                topic,
                "--file",
                file.toAbsolutePath().toString(),
                "--key-field",
                Workload.KEY_FIELD,
                "--dataset",
                Workload.DATASET.value()));
        command.addAll(producerPropertyArguments(cluster));
        return measure(RAW_PRODUCER_LABEL, pair, command, cluster, topic, events, payloadBytes, logDir, null, false);
    }

    /** {@link #SHARED_PRODUCER_KEYS} of the adapter's {@code producerProperties()}, as {@code --producer-property}. */
    private static List<String> producerPropertyArguments(BenchCluster cluster) {
        Map<String, Object> props = cluster.adapterConfig().producerProperties();
        List<String> arguments = new ArrayList<>();
        for (String key : SHARED_PRODUCER_KEYS) {
            arguments.add("--producer-property");
            arguments.add(key + "=" + props.get(key));
        }
        return arguments;
    }

    /** {@code java}, {@code jvmArgs} and {@code mainClass} on the bench's own class path; more arguments may follow. */
    private static List<String> javaCommand(List<String> jvmArgs, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command} as one child process (stdin from {@code stdin}, or nothing; stdout and stderr to a log file
     * under {@code logDir}) and measures it: wall time from start to exit, peak RSS, the child's whole CPU time and the
     * broker's over the same span, then the records found on {@code topic} ({@code committedOnly}: those a
     * {@code read_committed} consumer reads). A process that exits with an error or does not finish in 10 minutes
     * makes a failed (void) run, with the log file named.
     */
    static RunResult measure(
            String label,
            int pair,
            List<String> command,
            BenchCluster cluster,
            String topic,
            long events,
            long payloadBytes,
            Path logDir,
            Path stdin,
            boolean committedOnly)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(label.replace(' ', '-').replace('+', '-') + "-" + pair + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.redirectInput(
                stdin == null
                        ? ProcessBuilder.Redirect.from(nullDevice())
                        : ProcessBuilder.Redirect.from(stdin.toFile()));
        RunCpu cpu = RunCpu.ofChild(cluster);
        long started = System.nanoTime();
        Process process = builder.start();
        long peak = RssSampler.sampleUntilExit(process);
        long finished = System.nanoTime();
        String failure = null;
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            failure = "did not finish in 10 minutes; see " + log;
        } else if (process.exitValue() != 0) {
            failure = "exited with " + process.exitValue() + "; see " + log;
        }
        RunCpu.Used used = cpu.stop();
        // a transactional topic's offsets count commit markers (and aborted records) too: count what read_committed
        // consumers see instead, after the clock stopped
        long written = committedOnly ? cluster.committedRecordCount(topic) : cluster.recordCount(topic);
        RunResult result = new RunResult(
                        label,
                        pair,
                        events,
                        written,
                        finished - started,
                        payloadBytes,
                        0,
                        0,
                        peak > 0 ? OptionalLong.of(peak) : OptionalLong.empty())
                .withCpu(used);
        return failure == null ? result : result.withFailure(failure);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
