package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.core.domain.DeadLetterValue;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker processes with {@code exactly.once.source.support=enabled} run the packaged plugin; the one running task 0
 * is killed (SIGKILL) mid-file, with a transaction open. Its task moves to the other worker, fences the killed one's
 * producer and resumes from the last committed offset: a read_committed consumer sees every valid line on RAW exactly
 * once, on its key's partition, and every bad line on the DLQ exactly once, byte for byte.
 */
@EnabledIfSystemProperty(
        named = "streamlake.connect.plugin.zip.ready",
        matches = "true",
        disabledReason = "runs in the integration-test phase, once the plugin zip is built (mvn verify)")
@ExtendWith(ConnectCluster.Extension.class)
class KilledWorkerExactlyOnceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 4;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KilledWorkerExactlyOnceIT.class);

    @TempDir
    Path dir;

    /** Starts a worker on another thread, so that two start at once. */
    private static CompletableFuture<WorkerProcess> starting(
            String version, Path plugins, String bootstrap, Path work, Map<String, String> settings) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return WorkerProcess.start(version, plugins, bootstrap, work, settings);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private static void closeQuietly(WorkerProcess worker) {
        try {
            worker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void givenTwoWorkerProcesses_whenOneIsKilledMidFile_thenReadCommittedConsumersSeeEveryLineOnce() throws Exception {
        LOG.info("start");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginPackagingIT.unzip(Path.of(System.getProperty("streamlake.connect.plugin.zip")), plugins);
        String prefix = "killed";
        ConnectCluster.createTopics(prefix, PARTITIONS);
        Path in = Files.createDirectories(dir.resolve("in"));
        Map<String, String> valid = new HashMap<>();
        Map<String, byte[]> bad = new HashMap<>();
        for (int f = 0; f < 4; f++) {
            Path file = in.resolve("orders-" + f + ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
                for (int i = 1; i <= 15_000; i++) {
                    String label = file + ":" + i;
                    String line;
                    if (i % 151 == 0) {
                        line = "{\"order_id\":\"f" + f + "-" + i + "\",\"amount\":\"x\"}";
                        bad.put(label, line.getBytes(UTF_8));
                    } else {
                        String key = "k" + (i * 7 + f) % 3000;
                        line = "{\"order_id\":\"" + key + "\",\"amount\":" + i + ".5}";
                        valid.put(label, key);
                    }
                    out.write(line);
                    out.write('\n');
                }
            }
        }

        Map<String, String> exactlyOnce = Map.of(
                "group.id", "killed-workers",
                "exactly.once.source.support", "enabled",
                "scheduled.rebalance.max.delay.ms", "0",
                "session.timeout.ms", "6000",
                "heartbeat.interval.ms", "1000");
        String version = AppInfoParser.getVersion();
        String bootstrap = ConnectCluster.get().kafka().bootstrapServers();
        Path workA = Files.createDirectories(dir.resolve("worker-a"));
        Path workB = Files.createDirectories(dir.resolve("worker-b"));
        CompletableFuture<WorkerProcess> startingA = starting(version, plugins, bootstrap, workA, exactlyOnce);
        CompletableFuture<WorkerProcess> startingB = starting(version, plugins, bootstrap, workB, exactlyOnce);
        WorkerProcess a;
        try {
            a = startingA.join();
        } catch (CompletionException e) {
            startingB.thenAccept(KilledWorkerExactlyOnceIT::closeQuietly);
            throw e;
        }
        WorkerProcess b;
        try {
            b = startingB.join();
        } catch (CompletionException e) {
            a.close();
            throw e;
        }
        try (a;
                b) {
            LOG.info("two workers up");
            ObjectNode config = JSON.createObjectNode()
                    .put("connector.class", StreamLakeFileSourceConnector.class.getName())
                    .put("tasks.max", "2")
                    .put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .put("exactly.once.support", "required")
                    .put("transaction.boundary", "connector")
                    .put("input.path", in.toString())
                    .put("dataset", "orders")
                    .put("key.field", "order_id")
                    .put("topic.prefix", prefix)
                    .put("headers.source", "true")
                    .put("split.bytes", "400000")
                    .put("batch.max.lines", "500")
                    .put("transaction.max.lines", "4000")
                    .put("poll.interval.ms", "500");
            assertThat(a.send("PUT", "/connectors/" + prefix + "/config", config.toString())
                            .statusCode())
                    .isIn(200, 201);
            ConnectCluster.await(
                    "a quarter of the lines on RAW (uncommitted included)",
                    Duration.ofSeconds(120),
                    () -> ConnectCluster.endOffsets(prefix + ".orders.raw") > valid.size() / 4);
            JsonNode status =
                    JSON.readTree(a.get("/connectors/" + prefix + "/status").body());
            String host = status.get("tasks").get(0).get("worker_id").asText();
            WorkerProcess killed = a.is(host) ? a : b;
            WorkerProcess survivor = killed == a ? b : a;
            LOG.info("killing the worker of task 0 ({})", host);
            killed.kill();

            ConnectCluster.await(
                    "every line on RAW or DLQ after the kill",
                    Duration.ofSeconds(180),
                    () -> ConnectCluster.countCommitted(prefix + ".orders.raw") >= valid.size()
                            && ConnectCluster.countCommitted(prefix + ".orders.dlq") >= bad.size());
            LOG.info("every line written");
            Thread.sleep(2_000); // anything written twice would be committed by now
            survivor.send("DELETE", "/connectors/" + prefix, "");
        }

        List<ConsumerRecord<byte[], byte[]>> raw = ConnectCluster.readCommitted(prefix + ".orders.raw");
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : raw) {
            String source = Records.header(r, "source");
            assertThat(seen.add(source))
                    .as("RAW record of %s written once", source)
                    .isTrue();
            assertThat(new String(r.key(), UTF_8)).isEqualTo(valid.get(source));
            assertThat(r.partition()).isEqualTo(Utils.toPositive(Utils.murmur2(r.key())) % PARTITIONS);
        }
        assertThat(seen).isEqualTo(valid.keySet());
        Set<String> dead = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : ConnectCluster.readCommitted(prefix + ".orders.dlq")) {
            String source = Records.header(r, "dlq_source_file") + ":" + Records.header(r, "dlq_source_line");
            assertThat(dead.add(source))
                    .as("DLQ record of %s written once", source)
                    .isTrue();
            assertThat(DeadLetterValue.decode(r.value()).orElseThrow().payload())
                    .isEqualTo(bad.get(source));
        }
        assertThat(dead).isEqualTo(bad.keySet());
        // the kill left records of an open transaction behind: aborted, never seen by read_committed
        assertThat(ConnectCluster.endOffsets(prefix + ".orders.raw")).isGreaterThan(raw.size());
    }
}
