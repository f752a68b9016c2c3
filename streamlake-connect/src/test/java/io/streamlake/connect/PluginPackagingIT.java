package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin, {@code streamlake-connect-<version>-plugin.zip}, unzipped into a {@code plugin.path}, is loaded
 * with plugin isolation by Apache Kafka's own {@code ConnectDistributed} in a worker process whose class path holds no
 * StreamLake jar, of the oldest supported Connect (4.0.x): the worker lists the connector and the transform, validates
 * a bad configuration by key, and runs the connector. ({@code KilledWorkerExactlyOnceIT} runs the same zip on workers of
 * the project's Kafka version.) Runs in the
 * integration-test phase, after the zip is built ({@code mvn verify}).
 */
@EnabledIfSystemProperty(
        named = "streamlake.connect.plugin.zip.ready",
        matches = "true",
        disabledReason = "runs in the integration-test phase, once the plugin zip is built (mvn verify)")
@ExtendWith(ConnectCluster.Extension.class)
class PluginPackagingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void givenThePluginZipInAPluginPath_thenAWorkerOfTheOldestSupportedConnectLoadsAndRunsIt() throws Exception {
        String version = System.getProperty("streamlake.connect.min.version");
        Path zip = Path.of(System.getProperty("streamlake.connect.plugin.zip"));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        List<String> top = unzip(zip, plugins);
        assertThat(top).as("the zip's top-level entries").hasSize(1);
        try (var jars = Files.list(plugins.resolve(top.get(0)).resolve("lib"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.startsWith("streamlake-connect-"));
            assertThat(names).noneMatch(n -> n.startsWith("kafka-clients") || n.startsWith("connect-api"));
        }

        String prefix = "plugin-oldest";
        ConnectCluster.createTopics(prefix, 2);
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(
                input.resolve("orders.jsonl"),
                "{\"order_id\":\"A-1\",\"amount\":1.5}\n{broken\n{\"order_id\":\"A-2\",\"amount\":2.5}\n",
                UTF_8);
        Path work = Files.createDirectories(dir.resolve("worker"));
        String bootstrap = ConnectCluster.get().kafka().bootstrapServers();
        try (WorkerProcess worker = WorkerProcess.start(version, plugins, bootstrap, work)) {
            JsonNode plugins1 = JSON.readTree(
                    worker.get("/connector-plugins?connectorsOnly=false").body());
            List<String> classes = new ArrayList<>();
            plugins1.forEach(p ->
                    classes.add(p.get("class").asText() + " " + p.get("type").asText()));
            assertThat(classes)
                    .contains(
                            StreamLakeFileSourceConnector.class.getName() + " source",
                            StreamLakeTransform.class.getName() + " transformation");

            ObjectNode bad = JSON.createObjectNode()
                    .put("connector.class", StreamLakeFileSourceConnector.class.getName())
                    .put("name", prefix + "-bad")
                    .put("input.path", input.toString())
                    .put("dataset", "orders")
                    .put("serialization", "xml");
            JsonNode validation = JSON.readTree(worker.send(
                            "PUT", "/connector-plugins/StreamLakeFileSourceConnector/config/validate", bad.toString())
                    .body());
            assertThat(validation.get("error_count").asInt()).isPositive();
            List<String> errorsByKey = new ArrayList<>();
            validation.get("configs").forEach(c -> {
                if (c.get("value").get("errors").size() > 0) {
                    errorsByKey.add(c.get("value").get("name").asText());
                }
            });
            assertThat(errorsByKey).contains("serialization");

            ObjectNode config = JSON.createObjectNode()
                    .put("connector.class", StreamLakeFileSourceConnector.class.getName())
                    .put("tasks.max", "1")
                    .put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .put("input.path", input.toString())
                    .put("dataset", "orders")
                    .put("key.field", "order_id")
                    .put("topic.prefix", prefix)
                    .put("poll.interval.ms", "500");
            assertThat(worker.send("PUT", "/connectors/" + prefix + "/config", config.toString())
                            .statusCode())
                    .isIn(200, 201);
            ConnectCluster.await(
                    "the plugin's records, written by the " + version + " worker",
                    Duration.ofSeconds(60),
                    () -> ConnectCluster.countCommitted(prefix + ".orders.raw") == 2
                            && ConnectCluster.countCommitted(prefix + ".orders.dlq") == 1);
            JsonNode status = JSON.readTree(
                    worker.get("/connectors/" + prefix + "/status").body());
            assertThat(status.get("tasks").get(0).get("state").asText()).isEqualTo("RUNNING");
            // nothing of StreamLake on the worker's class path: what runs was loaded from plugin.path, isolated
            assertThat(worker.classpath()).as("the worker's class path").doesNotContain("streamlake");
        }
    }

    /** Unzips {@code zip} into {@code into}; returns its top-level entries. */
    static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> top = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                String first = entry.getName().split("/")[0];
                if (!top.contains(first)) {
                    top.add(first);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
        return top;
    }
}
