package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.test.KafkaEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Headers written by the adapter, read back with a plain KafkaConsumer from a real broker. */
@StreamLakeIntegrationTest
class KafkaHeadersRoundTripTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-27T10:15:30.250Z");

    private static ConsumerRecord<byte[], byte[]> publishAndReadBack(KafkaEndpoint kafka, String style)
            throws Exception {
        String topic = kafka.createTopic(kafka.uniqueTopic("headers-" + style), 3);
        EventMetadata metadata = new EventMetadata(
                DatasetName.of("orders"),
                Optional.of(SchemaVersion.of(3)),
                "0b8f3c1e-1111-4c2a-9d7e-000000000001",
                EVENT_TIME,
                "checkout",
                Map.of("tenant", "acme"));
        PublishReceipt receipt;
        try (KafkaAdapter adapter = AdapterFixture.adapter(kafka, "headers.style", style)) {
            receipt = adapter.eventPublisher()
                    .publish(new OutboundEvent(
                            topic,
                            "order-42",
                            new SerializedPayload("{\"id\":42}".getBytes(UTF_8), "application/json"),
                            metadata))
                    .get(30, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(topic, 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ConsumerRecord<byte[], byte[]> record = records.get(0);
        assertThat(new String(record.key(), UTF_8)).isEqualTo("order-42");
        assertThat(new String(record.value(), UTF_8)).isEqualTo("{\"id\":42}");
        assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(record.timestamp()).isEqualTo(EVENT_TIME.toEpochMilli());
        assertThat(receipt.topic()).isEqualTo(topic);
        assertThat(receipt.partition()).isEqualTo(record.partition());
        assertThat(receipt.offset()).isEqualTo(record.offset());
        assertThat(receipt.timestamp()).isEqualTo(EVENT_TIME);
        return record;
    }

    @Test
    void givenStreamLakeStyle_thenDesignHeadersRoundTrip(KafkaEndpoint kafka) throws Exception {
        ConsumerRecord<byte[], byte[]> record = publishAndReadBack(kafka, "streamlake");

        assertThat(AdapterFixture.headerNames(record))
                .containsExactly(
                        "dataset",
                        "schema_version",
                        "ingestion_id",
                        "event_time",
                        "producer_service",
                        "content_type",
                        "tenant");
        assertThat(AdapterFixture.headers(record))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "dataset",
                        "orders",
                        "schema_version",
                        "v3",
                        "ingestion_id",
                        "0b8f3c1e-1111-4c2a-9d7e-000000000001",
                        "event_time",
                        "2026-11-27T10:15:30.250Z",
                        "producer_service",
                        "checkout",
                        "content_type",
                        "application/json",
                        "tenant",
                        "acme"));
    }

    @Test
    void givenCloudEventsStyle_thenBinaryModeHeadersRoundTrip(KafkaEndpoint kafka) throws Exception {
        ConsumerRecord<byte[], byte[]> record = publishAndReadBack(kafka, "cloudevents");

        assertThat(AdapterFixture.headers(record))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "dataset",
                        "orders",
                        "schema_version",
                        "v3",
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        "0b8f3c1e-1111-4c2a-9d7e-000000000001",
                        "ce_source",
                        "/streamlake/checkout",
                        "ce_type",
                        "io.streamlake.orders",
                        "ce_time",
                        "2026-11-27T10:15:30.250Z",
                        "ce_dataschema",
                        "orders/v3",
                        "content-type",
                        "application/json",
                        "tenant",
                        "acme"));
    }

    @Test
    void givenBothStyles_thenBothSetsRoundTrip(KafkaEndpoint kafka) throws Exception {
        ConsumerRecord<byte[], byte[]> record = publishAndReadBack(kafka, "both");

        assertThat(AdapterFixture.headers(record))
                .containsKeys(
                        "ingestion_id",
                        "event_time",
                        "producer_service",
                        "content_type",
                        "ce_id",
                        "ce_time",
                        "ce_source",
                        "content-type")
                .containsEntry("ce_id", "0b8f3c1e-1111-4c2a-9d7e-000000000001")
                .containsEntry("ingestion_id", "0b8f3c1e-1111-4c2a-9d7e-000000000001");
    }
}
