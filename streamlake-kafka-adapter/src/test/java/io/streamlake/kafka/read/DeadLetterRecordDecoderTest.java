package io.streamlake.kafka.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.SchemaVersion;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** How a DLQ record's key, headers and position combine with the value {@link DeadLetterValue} reads. */
class DeadLetterRecordDecoderTest {

    private static final String DLQ = "streamlake.orders.dlq";
    private static final Instant FAILED_AT = Instant.parse("2026-11-27T11:31:00Z");

    private final DeadLetterRecordDecoder decoder = new DeadLetterRecordDecoder();

    private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                DLQ,
                3,
                42,
                FAILED_AT.toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(UTF_8),
                value,
                headers,
                Optional.empty());
    }

    private static RecordedDeadLetter decode(DeadLetterRecordDecoder decoder, DeadLetter dl, RecordHeaders headers) {
        return decoder.decode(record(dl.key(), DeadLetterValue.encode(dl, 1024), headers));
    }

    @Test
    void givenDeadLetterValueAndHeaders_thenMetadataFromHeadersAndFailureFromValue() {
        EventMetadata metadata = new EventMetadata(
                DatasetName.of("orders"),
                Optional.of(SchemaVersion.of(2)),
                "id-1",
                Instant.parse("2026-11-27T11:30:00.123Z"),
                "checkout",
                Map.of("tenant", "acme"));
        DeadLetter dl = new DeadLetter(
                "k-1",
                "not json".getBytes(UTF_8),
                metadata,
                DlqStage.PARSE,
                "unexpected n",
                "MalformedPayload",
                FAILED_AT,
                "streamlake.orders.raw",
                DLQ);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dataset", "orders".getBytes(UTF_8));
        headers.add("schema_version", "v2".getBytes(UTF_8));
        headers.add("ingestion_id", "id-1".getBytes(UTF_8));
        headers.add("event_time", "2026-11-27T11:30:00.123Z".getBytes(UTF_8));
        headers.add("producer_service", "checkout".getBytes(UTF_8));
        headers.add("tenant", "acme".getBytes(UTF_8));
        headers.add("dlq_stage", "parse".getBytes(UTF_8));

        RecordedDeadLetter read = decode(decoder, dl, headers);

        assertThat(read.truncated()).isFalse();
        assertThat(read.position()).isEqualTo(DLQ + "/3@42");
        assertThat(read.deadLetter().originalPayload()).isEqualTo(dl.originalPayload());
        assertThat(read.deadLetter().metadata()).isEqualTo(metadata);
        assertThat(read.deadLetter()).usingRecursiveComparison().isEqualTo(dl);
    }

    @Test
    void givenDeadLetterFromAFile_thenItsSourceIsReadFromTheValueOrElseFromTheHeaders() {
        EventSource source = new EventSource("orders.jsonl", 3);
        DeadLetter dl = new DeadLetter(
                "k-1",
                "not json".getBytes(UTF_8),
                new EventMetadata(
                        DatasetName.of("orders"),
                        Optional.empty(),
                        "id-1",
                        FAILED_AT,
                        "checkout",
                        Map.of(),
                        Optional.of(source)),
                DlqStage.PARSE,
                "orders.jsonl line 3: unexpected n",
                "MalformedPayload",
                FAILED_AT,
                "streamlake.orders.raw",
                DLQ);
        assertThat(decode(decoder, dl, new RecordHeaders()).deadLetter().source())
                .contains(source);

        RecordHeaders headers = new RecordHeaders();
        headers.add("dlq_source_file", "orders.jsonl".getBytes(UTF_8));
        headers.add("dlq_source_line", "3".getBytes(UTF_8));
        byte[] valueWithoutSource = DeadLetterValue.encode(
                new DeadLetter(
                        dl.key(),
                        dl.originalPayload(),
                        dl.metadata().withoutSource(),
                        dl.stage(),
                        dl.reason(),
                        dl.errorClass(),
                        dl.failedAt(),
                        dl.originalTopic(),
                        dl.deadLetterTopic()),
                1024);
        assertThat(decoder.decode(record("k-1", valueWithoutSource, headers))
                        .deadLetter()
                        .source())
                .contains(source);
    }

    @Test
    void givenValueWithoutMetadataAndNoHeaders_thenTheValueAndTopicFillIn() {
        EventMetadata metadata = new EventMetadata(
                DatasetName.of("orders"), Optional.of(SchemaVersion.of(3)), "id-7", FAILED_AT, "svc", Map.of());
        DeadLetter dl = new DeadLetter(
                null,
                new byte[] {(byte) 0xFF},
                metadata,
                DlqStage.VALIDATE,
                "bad",
                "SchemaViolation",
                FAILED_AT,
                "streamlake.orders.raw",
                DLQ);

        RecordedDeadLetter read = decode(decoder, dl, new RecordHeaders());

        assertThat(read.deadLetter().key()).isNull();
        assertThat(read.deadLetter().originalPayload()).containsExactly((byte) 0xFF);
        assertThat(read.deadLetter().metadata().schemaVersion()).contains(SchemaVersion.of(3));
        assertThat(read.deadLetter().metadata().ingestionId()).isEqualTo("id-7");
        assertThat(read.deadLetter().dataset()).isEqualTo(DatasetName.of("orders"));
        assertThat(read.deadLetter().metadata().eventTime()).isEqualTo(FAILED_AT);
    }

    @Test
    void givenValueThatIsNotDeadLetterJson_thenKeptWholeAsTruncatedSoNeverReplayed() {
        RecordedDeadLetter read = decoder.decode(record("k", "plain text".getBytes(UTF_8), new RecordHeaders()));

        assertThat(read.truncated()).isTrue();
        assertThat(read.deadLetter().originalPayload()).isEqualTo("plain text".getBytes(UTF_8));
        assertThat(read.deadLetter().errorClass()).isEqualTo("UndecodableDeadLetter");
        assertThat(read.deadLetter().dataset()).isEqualTo(DatasetName.of("orders"));
    }

    @Test
    void givenHeadersThatDoNotParse_thenFallbacksInsteadOfAnException() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("schema_version", "latest".getBytes(UTF_8));
        headers.add("event_time", "yesterday".getBytes(UTF_8));
        headers.add("dataset", "no spaces allowed".getBytes(UTF_8));

        RecordedDeadLetter read = decoder.decode(record("k", "{}".getBytes(UTF_8), headers));

        assertThat(read.deadLetter().metadata().schemaVersion()).isEmpty();
        assertThat(read.deadLetter().metadata().eventTime()).isEqualTo(FAILED_AT);
        assertThat(read.deadLetter().dataset()).isEqualTo(DatasetName.of("orders"));
    }
}
