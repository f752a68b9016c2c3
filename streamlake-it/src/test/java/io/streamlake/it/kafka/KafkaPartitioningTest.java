package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.test.KafkaEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Keys decide partitions through Kafka's own partitioner, and per-key order is kept, on a real broker. */
@StreamLakeIntegrationTest
class KafkaPartitioningTest {

    private static final int PARTITIONS = 6;

    private static EventMetadata metadata(DatasetName dataset) {
        return new EventMetadata(
                dataset, Optional.of(SchemaVersion.of(1)), UUID.randomUUID().toString(), Instant.now(), "it", Map.of());
    }

    private static int murmur2Partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(UTF_8))) % PARTITIONS;
    }

    @Test
    void givenTenThousandRandomKeys_thenEachRecordLandsOnMurmur2PartitionOfItsKey(KafkaEndpoint kafka)
            throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "keys");
        Random random = new Random(42);
        try (KafkaAdapter adapter = AdapterFixture.adapter(kafka, "topics.partitions", String.valueOf(PARTITIONS))) {
            String topic =
                    adapter.topicProvisioner().ensureTopics(dataset).raw().name();
            EventPublisher publisher = adapter.eventPublisher();
            Map<String, CompletableFuture<PublishReceipt>> sent = new HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                String key = Long.toString(random.nextLong(), 36) + "-" + i + (i % 7 == 0 ? "-ü€" : "");
                sent.put(
                        key,
                        publisher.publish(new OutboundEvent(
                                topic,
                                key,
                                new SerializedPayload(("n=" + i).getBytes(UTF_8), "application/json"),
                                metadata(dataset))));
            }
            publisher.flush();
            for (Map.Entry<String, CompletableFuture<PublishReceipt>> e : sent.entrySet()) {
                assertThat(e.getValue().get(1, TimeUnit.SECONDS).partition())
                        .as(e.getKey())
                        .isEqualTo(murmur2Partition(e.getKey()));
            }
            List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(topic, 10_000, Duration.ofSeconds(60));
            assertThat(records).hasSize(10_000);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String key = new String(record.key(), UTF_8);
                assertThat(record.partition()).as(key).isEqualTo(murmur2Partition(key));
                assertThat(sent.get(key).get().offset()).isEqualTo(record.offset());
            }
        }
    }

    @Test
    void givenTwentyKeysTimesFiveThousandEvents_thenOrderPerKeyIsKept(KafkaEndpoint kafka) throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "order");
        int keys = 20;
        int perKey = 5_000;
        try (KafkaAdapter adapter = AdapterFixture.adapter(kafka, "topics.partitions", String.valueOf(PARTITIONS))) {
            String topic =
                    adapter.topicProvisioner().ensureTopics(dataset).raw().name();
            EventPublisher publisher = adapter.eventPublisher();
            List<CompletableFuture<PublishReceipt>> sent = new ArrayList<>(keys * perKey);
            for (int seq = 0; seq < perKey; seq++) {
                for (int k = 0; k < keys; k++) {
                    sent.add(publisher.publish(new OutboundEvent(
                            topic,
                            "key-" + k,
                            new SerializedPayload(("seq=" + seq).getBytes(UTF_8), "application/json"),
                            metadata(dataset))));
                }
            }
            publisher.flush();
            assertThat(sent).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());

            List<ConsumerRecord<byte[], byte[]>> records =
                    kafka.consumeAll(topic, keys * perKey, Duration.ofSeconds(120));
            assertThat(records).hasSize(keys * perKey);
            records.sort((a, b) -> a.partition() != b.partition()
                    ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            Map<String, Integer> next = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String key = new String(record.key(), UTF_8);
                int seq = Integer.parseInt(new String(record.value(), UTF_8).substring("seq=".length()));
                assertThat(seq)
                        .as("sequence of %s at %s-%d@%d", key, record.topic(), record.partition(), record.offset())
                        .isEqualTo(next.getOrDefault(key, 0));
                next.put(key, seq + 1);
            }
            assertThat(next)
                    .hasSize(keys)
                    .allSatisfy((key, count) -> assertThat(count).isEqualTo(perKey));
        }
    }
}
