package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamLakeTransform} after Kafka's own {@code FileStreamSourceConnector} writes the records
 * {@code streamlake produce} writes for the same lines (RAW and DLQ; the transform knows no source file, so neither
 * run names one).
 */
@ExtendWith(ConnectCluster.Extension.class)
class TransformAfterFileStreamSourceTest {

    @TempDir
    Path dir;

    @Test
    void givenFileStreamSourceLines_thenTheTransformWritesWhatProduceWrites() throws Exception {
        EmbeddedConnectCluster connect = ConnectCluster.get();
        String prefix = "smt";
        ConnectCluster.createTopics(prefix, 3);
        Path file = dir.resolve("orders.jsonl");
        StringBuilder lines = new StringBuilder();
        lines.append("{\"order_id\":\"A-1\",\"amount\":12.5}\n")
                .append("{not json\n")
                .append("{\"order_id\":\"C-9\",\"amount\":\"twelve\"}\n")
                .append("{\"amount\":3.0}\n")
                .append("{\"order_id\":\"Zürich-1\",\"amount\":99.99}\n");
        for (int i = 0; i < 40; i++) {
            lines.append("{\"order_id\":\"K-")
                    .append(i)
                    .append("\",\"amount\":")
                    .append(i)
                    .append("}\n");
        }
        Files.writeString(file, lines, UTF_8);

        Map<String, String> produce = new HashMap<>();
        produce.put("topic.prefix", prefix);
        produce.put("bootstrap.servers", connect.kafka().bootstrapServers());
        ProduceOracle.produce(produce, file, false);
        List<ConsumerRecord<byte[], byte[]>> producedRaw = ConnectCluster.readCommitted(prefix + ".orders.raw");
        List<ConsumerRecord<byte[], byte[]>> producedDlq = ConnectCluster.readCommitted(prefix + ".orders.dlq");
        assertThat(producedRaw).hasSize(42);
        assertThat(producedDlq).hasSize(3);

        Map<String, String> config = new HashMap<>();
        config.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, FileStreamSourceConnector.class.getName());
        config.put(ConnectorConfig.TASKS_MAX_CONFIG, "1");
        config.put("file", file.toString());
        config.put("topic", "ignored-by-the-transform");
        ConnectCluster.bytes(config);
        config.put(ConnectorConfig.TRANSFORMS_CONFIG, "streamlake");
        config.put("transforms.streamlake.type", StreamLakeTransform.class.getName());
        config.put("transforms.streamlake.dataset", "orders");
        config.put("transforms.streamlake.key.field", "order_id");
        config.put("transforms.streamlake.topic.prefix", prefix);
        connect.configureConnector(prefix, config);
        try {
            ConnectCluster.await(
                    "the transformed records",
                    Duration.ofSeconds(60),
                    () -> ConnectCluster.countCommitted(prefix + ".orders.raw") == 2 * producedRaw.size()
                            && ConnectCluster.countCommitted(prefix + ".orders.dlq") == 2 * producedDlq.size());
        } finally {
            connect.deleteConnector(prefix);
        }

        SameRecordsAsProduceTest.assertSecondRunRepeatsFirst(
                ConnectCluster.readCommitted(prefix + ".orders.raw"), producedRaw, false);
        SameRecordsAsProduceTest.assertSecondRunRepeatsFirst(
                ConnectCluster.readCommitted(prefix + ".orders.dlq"), producedDlq, true);
    }
}
