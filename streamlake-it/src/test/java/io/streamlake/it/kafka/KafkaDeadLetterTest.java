package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.service.IngestionService;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.test.KafkaEndpoint;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Bad data goes to the DLQ through the core's ingestion use case and the real producer: kept byte for byte,
 * with its key, its original headers and the dlq_* headers, on its key's partition.
 */
@StreamLakeIntegrationTest
class KafkaDeadLetterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 6;
    /** Smaller than the oversize payload, larger than every other record including the truncated dead letter. */
    private static final int MAX_REQUEST_SIZE = 8_192;

    private static final int DLQ_PAYLOAD_MAX_BYTES = 1_024;

    private record Outcome(IngestionResult result, ConsumerRecord<byte[], byte[]> dlqRecord, JsonNode value) {}

    private static Outcome ingestBadEvent(KafkaEndpoint kafka, String key, byte[] payload) throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "dlq");
        try (KafkaAdapter adapter = AdapterFixture.adapter(
                kafka,
                DLQ_PAYLOAD_MAX_BYTES,
                "topics.partitions",
                String.valueOf(PARTITIONS),
                "kafka.max.request.size",
                String.valueOf(MAX_REQUEST_SIZE))) {
            var topics = adapter.topicProvisioner().ensureTopics(dataset);
            IngestionService ingestion = AdapterFixture.ingestion(adapter, dataset);

            IngestionResult good = ingestion
                    .ingest(IngestCommand.of(dataset, key, "id=1".getBytes(UTF_8))
                            .withAttributes(Map.of("tenant", "acme")))
                    .get(30, TimeUnit.SECONDS);
            IngestionResult bad = ingestion
                    .ingest(IngestCommand.of(dataset, key, payload).withAttributes(Map.of("tenant", "acme")))
                    .get(30, TimeUnit.SECONDS);

            assertThat(good).isInstanceOf(IngestionResult.Published.class);
            int rawPartition = ((IngestionResult.Published) good).receipt().partition();
            assertThat(rawPartition).isEqualTo(Utils.toPositive(Utils.murmur2(key.getBytes(UTF_8))) % PARTITIONS);

            List<ConsumerRecord<byte[], byte[]>> dlq =
                    kafka.consumeAll(topics.deadLetter().name(), 1, Duration.ofSeconds(30));
            assertThat(dlq).hasSize(1);
            ConsumerRecord<byte[], byte[]> record = dlq.get(0);
            assertThat(new String(record.key(), UTF_8)).isEqualTo(key);
            assertThat(record.partition())
                    .as("DLQ partition = the key's RAW partition")
                    .isEqualTo(rawPartition);
            Map<String, String> headers = AdapterFixture.headers(record);
            assertThat(headers)
                    .containsEntry("dataset", dataset.value())
                    .containsEntry("tenant", "acme")
                    .containsEntry("producer_service", "streamlake-producer")
                    .containsEntry("dlq_original_topic", topics.raw().name())
                    .containsKeys("ingestion_id", "event_time", "dlq_reason", "dlq_error_class", "dlq_failed_at");
            assertThat(headers.get("ingestion_id")).isEqualTo(bad.ref().ingestionId());
            assertThat(headers.get("dlq_stage"))
                    .isEqualTo(((IngestionResult.DeadLettered) bad).stage().wireName());
            return new Outcome(bad, record, JSON.readTree(record.value()));
        }
    }

    @Test
    void givenNonUtf8Payload_thenDeadLetteredAsBase64ByteForByte(KafkaEndpoint kafka) throws Exception {
        byte[] payload = {'i', 'd', '=', (byte) 0xC3, 0x28, (byte) 0xFF, 0x00, (byte) 0x80};

        Outcome outcome = ingestBadEvent(kafka, "key-binary", payload);

        assertThat(outcome.result())
                .isInstanceOfSatisfying(
                        IngestionResult.DeadLettered.class,
                        dl -> assertThat(dl.stage()).isEqualTo(DlqStage.PARSE));
        assertThat(outcome.value().get("payload_encoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(outcome.value().get("payload").asText()))
                .isEqualTo(payload);
        assertThat(outcome.value().get("payload_truncated").asBoolean()).isFalse();
        assertThat(outcome.value().get("payload_sha256").asText()).isEqualTo(DeadLetterValue.sha256(payload));
    }

    @Test
    void givenNonJsonText_thenDeadLetteredAsText(KafkaEndpoint kafka) throws Exception {
        byte[] payload = "hello, wörld – not json".getBytes(UTF_8);

        Outcome outcome = ingestBadEvent(kafka, "key-text", payload);

        assertThat(outcome.result())
                .isInstanceOfSatisfying(
                        IngestionResult.DeadLettered.class,
                        dl -> assertThat(dl.stage()).isEqualTo(DlqStage.PARSE));
        assertThat(outcome.value().get("payload_encoding").asText()).isEqualTo("text");
        assertThat(outcome.value().get("payload").asText().getBytes(UTF_8)).isEqualTo(payload);
    }

    @Test
    void givenPayloadLargerThanMaxRequestSize_thenDeadLetteredAtPublishTruncatedWithSizeAndSha256(KafkaEndpoint kafka)
            throws Exception {
        byte[] payload = ("id=7;blob=" + "x".repeat(20_000)).getBytes(UTF_8);

        Outcome outcome = ingestBadEvent(kafka, "key-large", payload);

        assertThat(outcome.result()).isInstanceOfSatisfying(IngestionResult.DeadLettered.class, dl -> {
            assertThat(dl.stage()).isEqualTo(DlqStage.PUBLISH);
            assertThat(dl.reason()).contains("max.request.size");
        });
        assertThat(AdapterFixture.headers(outcome.dlqRecord()))
                .containsEntry("dlq_error_class", "RecordTooLarge")
                .containsEntry("schema_version", "v1");
        JsonNode value = outcome.value();
        assertThat(value.get("payload_truncated").asBoolean()).isTrue();
        assertThat(value.get("payload_size").asInt()).isEqualTo(payload.length);
        assertThat(value.get("payload_sha256").asText()).isEqualTo(DeadLetterValue.sha256(payload));
        assertThat(Base64.getDecoder().decode(value.get("payload").asText()))
                .isEqualTo(Arrays.copyOf(payload, DLQ_PAYLOAD_MAX_BYTES));
    }

    @Test
    void givenDeadLetterItselfTooLarge_thenFailedNotRetriableAndNothingOnTheDlq(KafkaEndpoint kafka) throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "dlq-too-large");
        byte[] payload = ("id=8;blob=" + "y".repeat(20_000)).getBytes(UTF_8);
        try (KafkaAdapter adapter =
                AdapterFixture.adapter(kafka, 100_000, "kafka.max.request.size", String.valueOf(MAX_REQUEST_SIZE))) {
            var topics = adapter.topicProvisioner().ensureTopics(dataset);

            IngestionResult result = AdapterFixture.ingestion(adapter, dataset)
                    .ingest(IngestCommand.of(dataset, "key-huge", payload))
                    .get(30, TimeUnit.SECONDS);

            assertThat(result).isInstanceOfSatisfying(IngestionResult.Failed.class, failed -> {
                assertThat(failed.retriable()).isFalse();
                assertThat(failed.reason())
                        .contains("dead letter")
                        .contains("RecordTooLarge")
                        .contains(kafka.bootstrapServers());
            });
            assertThat(kafka.consumeAll(topics.deadLetter().name(), 1, Duration.ofSeconds(2)))
                    .isEmpty();
            assertThat(kafka.consumeAll(topics.raw().name(), 1, Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    void givenRecordLargerThanTheTopicAccepts_thenBrokerRefusalIsDeadLetteredAtPublish(KafkaEndpoint kafka)
            throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "broker-too-large");
        kafka.createTopic(new NewTopic(AdapterFixture.NAMING.raw(dataset), PARTITIONS, (short) 1)
                .configs(Map.of("max.message.bytes", "4096")));
        kafka.createTopic(AdapterFixture.NAMING.deadLetter(dataset), PARTITIONS);
        Random random = new Random(7);
        StringBuilder blob = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            blob.append((char) ('a' + random.nextInt(26)));
        }
        byte[] payload = ("id=9;blob=" + blob).getBytes(UTF_8);
        try (KafkaAdapter adapter = AdapterFixture.adapter(kafka, 1024)) {
            IngestionResult result = AdapterFixture.ingestion(adapter, dataset)
                    .ingest(IngestCommand.of(dataset, "key-broker", payload))
                    .get(60, TimeUnit.SECONDS);

            assertThat(result).isInstanceOfSatisfying(IngestionResult.DeadLettered.class, dl -> {
                assertThat(dl.stage()).isEqualTo(DlqStage.PUBLISH);
                assertThat(dl.errorClass()).isEqualTo("RecordTooLarge");
            });
            List<ConsumerRecord<byte[], byte[]>> dlq =
                    kafka.consumeAll(AdapterFixture.NAMING.deadLetter(dataset), 1, Duration.ofSeconds(30));
            assertThat(dlq).hasSize(1);
            JsonNode value = JSON.readTree(dlq.get(0).value());
            assertThat(value.get("payload_truncated").asBoolean()).isTrue();
            assertThat(value.get("payload_size").asInt()).isEqualTo(payload.length);
        }
    }
}
