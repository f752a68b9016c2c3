package io.streamlake.bench;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.Timestamps;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code cli-file}'s kcat runs: kcat (librdkafka, C), the tool people load files into Kafka with, as a child process on
 * the lines of {@link Workload#writeKeyedLines} (key, tab, payload), to a fresh topic.
 *
 * <ul>
 *   <li>{@link Mode#PLAIN} ({@code cli-file kcat}): {@code kcat -P -b B -t T -K '\t' -l FILE}: key and value, no
 *       headers, librdkafka's defaults (no compression). Informational.
 *   <li>{@link Mode#LIKE_FOR_LIKE} ({@code cli-file kcat-like}): the same, plus StreamLake's six headers in its order
 *       with values of the lengths StreamLake writes (static per run: {@code -H}; a UUID {@code ingestion_id}, an
 *       {@code event_time} formatted as StreamLake formats it) and StreamLake's producer settings, read from the
 *       adapter's {@code producerProperties()} and given under librdkafka's names ({@link #LIBRDKAFKA_NAMES}), with
 *       Java's key partitioner ({@code murmur2_random}) so the keys land as StreamLake's do. The denominator of
 *       {@code produce --file}'s headline ratio.
 * </ul>
 *
 * <p>kcat is not a build dependency: {@link #locate} finds it (a name on the {@code PATH}, or a path), and the bench
 * skips these runs, saying so, when there is none.
 */
final class KcatRun {

    /** Which kcat run. */
    enum Mode {
        PLAIN(Scenario.CLI_FILE.scenarioName() + " kcat", "clifilekc"),
        LIKE_FOR_LIKE(Scenario.CLI_FILE.scenarioName() + " kcat-like", "clifilekl");

        private final String label;
        private final String topicLabel;

        Mode(String label, String topicLabel) {
            this.label = label;
            this.topicLabel = topicLabel;
        }

        String label() {
            return label;
        }
    }

    /**
     * StreamLake's producer settings ({@link ProcessRun#SHARED_PRODUCER_KEYS}, the Java client's names) under the names
     * librdkafka gives the same setting; the values carry over as they are (librdkafka accepts {@code all} for acks and
     * the same codec names).
     */
    static final Map<String, String> LIBRDKAFKA_NAMES = librdkafkaNames();
    /** Java's default partitioner for keyed records, murmur2 of the key, as librdkafka names it. */
    static final String JAVA_PARTITIONER = "partitioner=murmur2_random";

    private KcatRun() {}

    /**
     * The kcat executable: {@code executable} itself when it names a path (holds a {@code /}), else the first
     * executable file of that name in a {@code PATH} directory; empty when there is none.
     */
    static Optional<Path> locate(String executable) {
        return locate(executable, System.getenv("PATH"));
    }

    static Optional<Path> locate(String executable, String searchPath) {
        if (executable.contains("/")) {
            Path path = Path.of(executable);
            return isExecutable(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
        }
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, executable);
                if (isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /** The command line of a run of {@code mode}, producing {@code file}'s lines to {@code topic}. */
    static List<String> command(
            Mode mode,
            Path kcat,
            String bootstrapServers,
            String topic,
            Path file,
            Map<String, Object> producerProperties,
            Instant eventTime) {
        List<String> command = new ArrayList<>(List.of(
                kcat.toString(),
                "-P",
                "-b",
                bootstrapServers,
                "-t",
                topic,
                "-K",
                "\\t",
                "-l",
                file.toAbsolutePath().toString()));
        if (mode == Mode.LIKE_FOR_LIKE) {
            headers(UUID.randomUUID().toString(), Timestamps.format(eventTime)).forEach((name, value) -> {
                command.add("-H");
                command.add(name + "=" + value);
            });
            for (String setting : librdkafkaSettings(producerProperties)) {
                command.add("-X");
                command.add(setting);
            }
        }
        return List.copyOf(command);
    }

    /** StreamLake's six headers in the order it writes them, with these ingestion id and event time texts. */
    static Map<String, String> headers(String ingestionId, String eventTime) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HeaderNames.DATASET, Workload.DATASET.value());
        headers.put(HeaderNames.SCHEMA_VERSION, Workload.SCHEMA_VERSION);
        headers.put(HeaderNames.INGESTION_ID, ingestionId);
        headers.put(HeaderNames.EVENT_TIME, eventTime);
        headers.put(HeaderNames.PRODUCER_SERVICE, HeaderNames.DEFAULT_PRODUCER_SERVICE);
        headers.put(HeaderNames.CONTENT_TYPE, HeaderNames.CONTENT_TYPE_JSON);
        return Collections.unmodifiableMap(headers);
    }

    /**
     * {@code name=value} librdkafka settings for StreamLake's producer properties, then Java's key partitioner.
     *
     * @throws IllegalStateException when a shared producer setting is missing from the properties
     */
    static List<String> librdkafkaSettings(Map<String, Object> producerProperties) {
        List<String> out = new ArrayList<>();
        LIBRDKAFKA_NAMES.forEach((java, librdkafka) -> {
            Object value = producerProperties.get(java);
            if (value == null) {
                throw new IllegalStateException("no " + java + " in the adapter's producer properties");
            }
            out.add(librdkafka + "=" + value);
        });
        out.add(JAVA_PARTITIONER);
        return List.copyOf(out);
    }

    /**
     * One run of {@code mode} on {@code file} ({@code events} keyed lines) to a fresh topic.
     *
     * @param payloadBytes the JSON payload bytes of the file's lines (without keys and separators)
     */
    static RunResult run(
            BenchCluster cluster,
            Mode mode,
            Path kcat,
            Path file,
            long events,
            long payloadBytes,
            int pair,
            Path logDir)
            throws IOException, InterruptedException {
        String topic = cluster.freshTopics(mode.topicLabel).raw(Workload.DATASET);
        List<String> command = command(
                mode,
                kcat,
                cluster.bootstrapServers(),
                topic,
                file,
                cluster.adapterConfig().producerProperties(),
                Instant.now());
        return ProcessRun.measure(mode.label, pair, command, cluster, topic, events, payloadBytes, logDir, null, false);
    }

    private static Map<String, String> librdkafkaNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(KafkaAdapterConfig.ACKS_CONFIG, "acks");
        names.put(KafkaAdapterConfig.ENABLE_IDEMPOTENCE_CONFIG, "enable.idempotence");
        names.put(KafkaAdapterConfig.MAX_IN_FLIGHT_CONFIG, "max.in.flight.requests.per.connection");
        names.put(KafkaAdapterConfig.LINGER_MS_CONFIG, "linger.ms");
        names.put(KafkaAdapterConfig.BATCH_SIZE_CONFIG, "batch.size");
        names.put(KafkaAdapterConfig.COMPRESSION_TYPE_CONFIG, "compression.codec");
        names.put(KafkaAdapterConfig.DELIVERY_TIMEOUT_MS_CONFIG, "message.timeout.ms");
        names.put(KafkaAdapterConfig.REQUEST_TIMEOUT_MS_CONFIG, "request.timeout.ms");
        return Collections.unmodifiableMap(names);
    }
}
