package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DeadLetterValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three workers, four tasks, eight files of 25,000 lines (200,000 in all) split into parts, with poison lines mixed
 * in, in exactly-once mode; one worker is stopped mid-run. Every valid line is on RAW exactly once for a
 * read_committed consumer, on its key's partition with produce's headers and value; every bad line is on the DLQ byte
 * for byte, with its reason and source line.
 */
@DisabledIfSystemProperty(
        named = "streamlake.connect.exactly.once",
        matches = "false",
        disabledReason = "needs workers with exactly-once")
@ExtendWith(ConnectCluster.Extension.class)
class ScaleOutExactlyOnceTest {

    static final int FILES = 8;
    static final int LINES = 25_000;
    static final int PARTITIONS = 4;

    @TempDir
    Path dir;

    /** What each line should become, by its source label {@code <file>:<line>}. */
    final Map<String, String> validKeys = new HashMap<>();

    final Map<String, byte[]> validValues = new HashMap<>();
    final Map<String, byte[]> badLines = new HashMap<>();

    @Test
    void givenEightFilesOnThreeWorkers_whenAWorkerStopsMidRun_thenEveryLineIsWrittenExactlyOnce() throws Exception {
        EmbeddedConnectCluster connect = ConnectCluster.get();
        String prefix = "scale";
        ConnectCluster.createTopics(prefix, PARTITIONS);
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int f = 0; f < FILES; f++) {
            write(in.resolve("orders-" + f + ".jsonl"), f);
        }
        Map<String, String> config = ConnectCluster.sourceConnector(prefix, in + "/*.jsonl", 4);
        config.put("split.bytes", "300000");
        config.put("batch.max.lines", "1000");
        config.put("transaction.max.lines", "5000");
        config.put("headers.source", "true");
        connect.configureConnector(prefix, config);
        try {
            ConnectCluster.await(
                    "a third of the lines on RAW (uncommitted included)",
                    Duration.ofSeconds(90),
                    () -> ConnectCluster.endOffsets(prefix + ".orders.raw") > validKeys.size() / 3);
            WorkerHandle stopped = connect.workers().iterator().next();
            connect.removeWorker(stopped);
            ConnectCluster.await(
                    "every line on RAW or DLQ",
                    Duration.ofSeconds(150),
                    () -> ConnectCluster.countCommitted(prefix + ".orders.raw") >= validKeys.size()
                            && ConnectCluster.countCommitted(prefix + ".orders.dlq") >= badLines.size());
            Thread.sleep(2_000); // anything written twice would be committed by now
        } finally {
            ConnectCluster.deleteConnector(prefix);
            while (connect.workers().size() < ConnectCluster.WORKERS) {
                connect.addWorker();
            }
        }

        List<ConsumerRecord<byte[], byte[]>> raw = ConnectCluster.readCommitted(prefix + ".orders.raw");
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : raw) {
            String source = Records.header(r, "source");
            assertThat(seen.add(source))
                    .as("RAW record of %s written once", source)
                    .isTrue();
            String key = validKeys.get(source);
            assertThat(key).as("RAW record of %s is a valid line", source).isNotNull();
            assertThat(new String(r.key(), UTF_8)).isEqualTo(key);
            assertThat(r.partition()).isEqualTo(Utils.toPositive(Utils.murmur2(r.key())) % PARTITIONS);
            assertThat(r.value()).isEqualTo(validValues.get(source));
            assertThat(Records.header(r, "dataset")).isEqualTo("orders");
            assertThat(Records.header(r, "schema_version")).isEqualTo("v2");
            assertThat(Records.header(r, "content_type")).isEqualTo("application/json");
            assertThat(Records.header(r, "producer_service")).isEqualTo("streamlake-producer");
            assertThat(Records.header(r, "ingestion_id")).isNotBlank();
        }
        assertThat(seen).isEqualTo(validKeys.keySet());

        List<ConsumerRecord<byte[], byte[]>> dlq = ConnectCluster.readCommitted(prefix + ".orders.dlq");
        Set<String> dead = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : dlq) {
            String source = Records.header(r, "dlq_source_file") + ":" + Records.header(r, "dlq_source_line");
            assertThat(dead.add(source))
                    .as("DLQ record of %s written once", source)
                    .isTrue();
            DeadLetterValue value = DeadLetterValue.decode(r.value()).orElseThrow();
            assertThat(value.payload()).as("payload of %s", source).isEqualTo(badLines.get(source));
            assertThat(Records.header(r, "dlq_reason"))
                    .startsWith(Records.header(r, "dlq_source_file") + " line " + Records.header(r, "dlq_source_line")
                            + ": ");
            assertThat(Records.header(r, "dlq_stage")).isIn("parse", "validate");
        }
        assertThat(dead).isEqualTo(badLines.keySet());
    }

    /** A file of {@link #LINES} lines: mostly valid orders, some malformed, invalid or keyless, a few blank. */
    private void write(Path file, int f) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 1; i <= LINES; i++) {
                String label = file + ":" + i;
                String line;
                if (i % 997 == 0) {
                    out.write("\n".getBytes(UTF_8));
                    continue;
                } else if (i % 101 == 0) {
                    line = "{\"order_id\":\"f" + f + "-" + i;
                    badLines.put(label, line.getBytes(UTF_8));
                } else if (i % 103 == 0) {
                    line = "{\"order_id\":\"f" + f + "-" + i + "\",\"amount\":\"lots\"}";
                    badLines.put(label, line.getBytes(UTF_8));
                } else if (i % 107 == 0) {
                    line = "{\"amount\":" + i + "}";
                    badLines.put(label, line.getBytes(UTF_8));
                } else {
                    String key = "k" + (i * 31 + f) % 5000;
                    line = "{\"order_id\":\"" + key + "\",\"amount\":" + i + ".25}";
                    validKeys.put(label, key);
                    validValues.put(label, line.getBytes(UTF_8));
                }
                out.write(line.getBytes(UTF_8));
                out.write('\n');
            }
        }
    }
}
