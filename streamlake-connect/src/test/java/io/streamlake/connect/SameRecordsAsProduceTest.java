package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connector writes, for the same lines, the records {@code streamlake produce} writes: same topics, partitions,
 * keys, values and headers, RAW and DLQ alike (apart from each event's fresh ingestion_id and its event and failure
 * times). Both runs write to the same topics; the second run's records must repeat the first run's, partition by
 * partition, in order.
 */
@ExtendWith(ConnectCluster.Extension.class)
class SameRecordsAsProduceTest {

    @TempDir
    Path dir;

    static byte[] sampleFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[][] lines = {
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "{\"order_id\":\"A-1\",\"amount\":12.5}\n".getBytes(UTF_8),
            "{\"order_id\":\"A-2\", \"amount\": 7}\r\n".getBytes(UTF_8),
            "\n".getBytes(UTF_8),
            "   \n".getBytes(UTF_8),
            "{\"order_id\":\"B-1\",\"amount\":1.25}\n".getBytes(UTF_8),
            "{not json\n".getBytes(UTF_8),
            "{\"order_id\":\"C-9\",\"amount\":\"twelve\"}\n".getBytes(UTF_8),
            "{\"amount\":3.0}\n".getBytes(UTF_8),
            "{\"order_id\":\"D-4\",\"amount\":3.0,\"extra\":true}\n".getBytes(UTF_8),
            {'{', '"', 'o', 'r', 'd', 'e', 'r', '_', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'},
            "[1,2,3]\n".getBytes(UTF_8),
            "{\"order_id\":\"Zürich-1\",\"amount\":99.99}\n".getBytes(UTF_8),
            "{\"order_id\":12,\"amount\":1}\n".getBytes(UTF_8),
        };
        for (byte[] line : lines) {
            out.writeBytes(line);
        }
        for (int i = 0; i < 60; i++) {
            out.writeBytes(("{\"order_id\":\"K-" + i + "\",\"amount\":" + i + ".5}\n").getBytes(UTF_8));
        }
        out.writeBytes("{\"order_id\":\"last\",\"amount\":0}".getBytes(UTF_8)); // no line end
        return out.toByteArray();
    }

    @ParameterizedTest(name = "serialization={0}, headers.style={1}")
    @CsvSource({"json, streamlake", "avro, streamlake", "avro, both"})
    void givenTheSameLines_thenTheConnectorWritesWhatProduceWrites(String serialization, String headersStyle)
            throws Exception {
        EmbeddedConnectCluster connect = ConnectCluster.get();
        String prefix = "same-" + serialization + "-" + headersStyle;
        ConnectCluster.createTopics(prefix, 3);
        Path file = dir.resolve("orders.jsonl");
        Files.write(file, sampleFile());
        Map<String, String> settings = new HashMap<>();
        settings.put("topic.prefix", prefix);
        settings.put("serialization", serialization);
        settings.put("schema.registry.url", "mock://" + prefix);
        settings.put("headers.style", headersStyle);

        Map<String, String> produceSettings = new HashMap<>(settings);
        produceSettings.put("bootstrap.servers", connect.kafka().bootstrapServers());
        ProduceOracle.produce(produceSettings, file, true);
        List<ConsumerRecord<byte[], byte[]>> producedRaw = ConnectCluster.readCommitted(prefix + ".orders.raw");
        List<ConsumerRecord<byte[], byte[]>> producedDlq = ConnectCluster.readCommitted(prefix + ".orders.dlq");
        assertThat(producedRaw).hasSizeGreaterThan(60);
        assertThat(producedDlq).hasSizeGreaterThanOrEqualTo(6);

        Map<String, String> connector = ConnectCluster.sourceConnector(prefix, file.toString(), 1);
        connector.putAll(settings);
        connect.configureConnector(prefix, connector);
        try {
            ConnectCluster.await(
                    "the connector's records",
                    Duration.ofSeconds(60),
                    () -> ConnectCluster.countCommitted(prefix + ".orders.raw") == 2 * producedRaw.size()
                            && ConnectCluster.countCommitted(prefix + ".orders.dlq") == 2 * producedDlq.size());
        } finally {
            connect.deleteConnector(prefix);
        }

        List<ConsumerRecord<byte[], byte[]>> raw = ConnectCluster.readCommitted(prefix + ".orders.raw");
        // both runs' RAW records carry every StreamLake header, whatever the serialization
        assertThat(raw)
                .allSatisfy(r -> assertThat(headerNames(r))
                        .as("headers of %s", Records.comparable(r, false))
                        .containsSubsequence(
                                "dataset",
                                "schema_version",
                                "ingestion_id",
                                "event_time",
                                "producer_service",
                                "content_type"));
        assertSecondRunRepeatsFirst(raw, producedRaw, false);
        assertSecondRunRepeatsFirst(ConnectCluster.readCommitted(prefix + ".orders.dlq"), producedDlq, true);
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        return names;
    }

    /**
     * Per partition: the keyed records after the first run's repeat the first run's, in order. Records without a key
     * have no partition of their own (Kafka's partitioner spreads them, in either run): they must repeat the first
     * run's, partition left out.
     */
    static void assertSecondRunRepeatsFirst(
            List<ConsumerRecord<byte[], byte[]>> all, List<ConsumerRecord<byte[], byte[]>> first, boolean deadLetters) {
        Map<Integer, List<String>> firstRun = new HashMap<>();
        Map<Integer, List<String>> secondRun = new HashMap<>();
        Map<Integer, Long> firstEnd = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : first) {
            firstRun.computeIfAbsent(r.key() == null ? -1 : r.partition(), p -> new ArrayList<>())
                    .add(Records.comparable(r, deadLetters));
            firstEnd.merge(r.partition(), r.offset(), Math::max);
        }
        List<ConsumerRecord<byte[], byte[]>> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        for (ConsumerRecord<byte[], byte[]> r : sorted) {
            if (r.offset() > firstEnd.getOrDefault(r.partition(), -1L)) {
                secondRun
                        .computeIfAbsent(r.key() == null ? -1 : r.partition(), p -> new ArrayList<>())
                        .add(Records.comparable(r, deadLetters));
            }
        }
        // records without a key: the same ones, in any partition and so in any order
        firstRun.computeIfPresent(-1, (p, list) -> list.stream().sorted().toList());
        secondRun.computeIfPresent(-1, (p, list) -> list.stream().sorted().toList());
        assertThat(secondRun).isEqualTo(firstRun);
    }
}
