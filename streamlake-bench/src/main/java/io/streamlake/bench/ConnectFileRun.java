package io.streamlake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.embedded.EmbeddedConnectConfig;
import io.streamlake.embedded.EmbeddedConnectWorker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Scenario {@code connect-file}: the StreamLake file source connector on a Kafka Connect distributed worker that runs
 * in the bench's JVM, on the bench's cluster, started once (as a Connect worker is: long-running). Each run puts a
 * connector with {@code tasks.max} 1, 2 or 4 on fresh topics; the JSON Lines file is split into four parts
 * ({@code split.bytes}), so four tasks read one part each and one task reads all four. Time is from the connector's
 * creation until RAW and the DLQ hold a record for every line (their end offsets, polled every 50 ms), so it includes
 * the connector's and tasks' start; client CPU is the bench JVM's, where the worker and its tasks run. The worker delivers at least once (no exactly-once source support), as
 * {@code streamlake produce} does by default. Not thread-safe.
 */
final class ConnectFileRun implements AutoCloseable {

    /** The environment variable (or system property {@code streamlake.connect.plugin.path}) naming the plugin.path. */
    static final String PLUGIN_PATH_VARIABLE = "STREAMLAKE_CONNECT_PLUGIN_PATH";

    static final String PRODUCE_LABEL = Scenario.CONNECT_FILE.scenarioName() + " produce";

    /** The tasks.max of the connector runs, in the order of even pairs. */
    static final List<Integer> TASKS = List.of(1, 2, 4);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final EmbeddedConnectWorker worker;
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaConsumer<byte[], byte[]> consumer;

    private ConnectFileRun(EmbeddedConnectWorker worker, String bootstrapServers) {
        this.worker = worker;
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The label of a connector run, e.g. {@code connect-file 2 tasks}. */
    static String label(int tasks) {
        return Scenario.CONNECT_FILE.scenarioName() + " " + tasks + (tasks == 1 ? " task" : " tasks");
    }

    /** The plugin.path holding the unzipped StreamLake plugin: the system property, else the environment variable. */
    static Optional<Path> pluginPath() {
        String path = System.getProperty("streamlake.connect.plugin.path", System.getenv(PLUGIN_PATH_VARIABLE));
        return path == null || path.isBlank() || !Files.isDirectory(Path.of(path))
                ? Optional.empty()
                : Optional.of(Path.of(path));
    }

    /**
     * Starts the worker on the cluster.
     *
     * @throws io.streamlake.embedded.EmbeddedStartupException when it does not start
     */
    static ConnectFileRun start(BenchCluster cluster, Path pluginPath) {
        EmbeddedConnectWorker worker =
                EmbeddedConnectWorker.start(EmbeddedConnectConfig.of(cluster.bootstrapServers(), pluginPath)
                        .withGroupId("streamlake-bench-connect")
                        .withWorkerProperty("exactly.once.source.support", "disabled"));
        return new ConnectFileRun(worker, cluster.bootstrapServers());
    }

    /** One connector run with {@code tasks} tasks on {@code file} ({@code events} lines), to fresh topics. */
    RunResult run(BenchCluster cluster, Path file, long events, int tasks, int pair)
            throws IOException, InterruptedException {
        TopicNaming naming = cluster.freshTopics("connect" + tasks);
        String name = naming.prefix() + "-source";
        long size = Files.size(file);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.streamlake.connect.StreamLakeFileSourceConnector");
        config.put("tasks.max", Integer.toString(tasks));
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("dataset", Workload.DATASET.value());
        config.put("key.field", Workload.KEY_FIELD);
        config.put("topic.prefix", naming.prefix());
        config.put("serialization", "json");
        config.put("input.path", file.toAbsolutePath().toString());
        config.put("split.bytes", Long.toString(size / 4 + 1));
        config.put("poll.interval.ms", "500");
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(naming.raw(Workload.DATASET), naming.deadLetter(Workload.DATASET))) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        RunCpu cpu = RunCpu.inThisJvm(cluster);
        long started = System.nanoTime();
        HttpResponse<String> put = send("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config));
        if (put.statusCode() != 201) {
            throw new IllegalStateException("the worker refused connector " + name + ": " + put.body());
        }
        long written = 0;
        long lastStatusCheck = started;
        while (written < events) {
            if (System.nanoTime() - started > RUN_TIMEOUT.toNanos()) {
                throw new IllegalStateException(label(tasks) + " wrote " + written + " of " + events + " records in "
                        + RUN_TIMEOUT.toMinutes() + " minutes");
            }
            if (System.nanoTime() - lastStatusCheck > 1_000_000_000L) {
                requireNoFailedTask(name);
                lastStatusCheck = System.nanoTime();
            }
            Thread.sleep(50);
            written = consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
        long finished = System.nanoTime();
        RunCpu.Used used = cpu.stop();
        send("DELETE", "/connectors/" + name, null);
        return new RunResult(
                        label(tasks),
                        pair,
                        events,
                        written,
                        finished - started,
                        size - events,
                        0,
                        0,
                        OptionalLong.empty())
                .withCpu(used);
    }

    private void requireNoFailedTask(String name) throws IOException, InterruptedException {
        JsonNode status = JSON.readTree(
                send("GET", "/connectors/" + name + "/status", null).body());
        for (JsonNode task : status.path("tasks")) {
            if (task.path("state").asText().equals("FAILED")) {
                throw new IllegalStateException("task " + task.path("id").asInt() + " of " + name + " failed: "
                        + task.path("trace").asText().lines().findFirst().orElse(""));
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(worker.url() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            consumer.close();
        } finally {
            worker.close();
        }
    }
}
