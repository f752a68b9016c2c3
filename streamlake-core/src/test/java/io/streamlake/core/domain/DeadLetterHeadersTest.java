package io.streamlake.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    private static final DeadLetter DEAD_LETTER = new DeadLetter(
            "k-1",
            new byte[] {1},
            new EventMetadata(
                    DatasetName.of("orders"),
                    Optional.of(SchemaVersion.of(2)),
                    "id-1",
                    Instant.parse("2026-11-27T11:30:00.123Z"),
                    "checkout",
                    Map.of("tenant", "acme")),
            DlqStage.VALIDATE,
            "$.amount: required field is missing",
            "SchemaViolation",
            Instant.parse("2026-11-27T11:31:00Z"),
            "streamlake.orders.raw",
            "streamlake.orders.dlq");

    @Test
    void givenDeadLetter_thenOriginalHeadersThenFailureHeadersInOrder() {
        assertThat(DeadLetterHeaders.of(DEAD_LETTER))
                .containsExactly(
                        Map.entry("dataset", "orders"),
                        Map.entry("schema_version", "v2"),
                        Map.entry("ingestion_id", "id-1"),
                        Map.entry("event_time", "2026-11-27T11:30:00.123Z"),
                        Map.entry("producer_service", "checkout"),
                        Map.entry("tenant", "acme"),
                        Map.entry("dlq_reason", "$.amount: required field is missing"),
                        Map.entry("dlq_error_class", "SchemaViolation"),
                        Map.entry("dlq_stage", "validate"),
                        Map.entry("dlq_failed_at", "2026-11-27T11:31:00Z"),
                        Map.entry("dlq_original_topic", "streamlake.orders.raw"));
    }

    @Test
    void givenDeadLetter_thenFailureHeadersAreTheReservedDlqNamesOnly() {
        assertThat(DeadLetterHeaders.failureHeaders(DEAD_LETTER).keySet())
                .containsExactly("dlq_reason", "dlq_error_class", "dlq_stage", "dlq_failed_at", "dlq_original_topic")
                .allMatch(HeaderNames::isReserved);
    }

    @Test
    void givenADeadLetterOfARule_thenDlqRuleFollowsTheOriginalTopic() {
        DeadLetter ruled = new DeadLetter(
                DEAD_LETTER.key(),
                DEAD_LETTER.originalPayload(),
                DEAD_LETTER.metadata(),
                DlqStage.RULE,
                "rule 'positive-amount' failed: message.amount > 0.0 is false",
                "RuleViolation",
                DEAD_LETTER.failedAt(),
                DEAD_LETTER.originalTopic(),
                DEAD_LETTER.deadLetterTopic(),
                "positive-amount");

        assertThat(DeadLetterHeaders.failureHeaders(ruled))
                .containsExactly(
                        entry("dlq_reason", "rule 'positive-amount' failed: message.amount > 0.0 is false"),
                        entry("dlq_error_class", "RuleViolation"),
                        entry("dlq_stage", "rule"),
                        entry("dlq_failed_at", Timestamps.format(DEAD_LETTER.failedAt())),
                        entry("dlq_original_topic", DEAD_LETTER.originalTopic()),
                        entry("dlq_rule", "positive-amount"));
        assertThat(DeadLetterHeaders.failureHeaders(DEAD_LETTER)).doesNotContainKey("dlq_rule");
        assertThat(DlqStage.fromWireName("rule")).isEqualTo(DlqStage.RULE);
    }

    @Test
    void givenDeadLetterWithoutVersion_thenNoSchemaVersionHeaderAndNoContentType() {
        DeadLetter dl = new DeadLetter(
                null,
                new byte[0],
                new EventMetadata(DatasetName.of("orders"), Optional.empty(), "id-2", Instant.EPOCH, "svc", Map.of()),
                DlqStage.PARSE,
                "bad",
                "MalformedPayload",
                Instant.EPOCH,
                "streamlake.orders.raw",
                "streamlake.orders.dlq");
        assertThat(DeadLetterHeaders.of(dl)).doesNotContainKeys("schema_version", "content_type", "content-type");
    }

    @Test
    void givenDeadLetterFromAFile_thenSourceFileAndLineFollowTheFailureHeadersAndNoSourceHeader() {
        DeadLetter fromFile = new DeadLetter(
                DEAD_LETTER.key(),
                DEAD_LETTER.originalPayload(),
                DEAD_LETTER.metadata().withSource(Optional.of(new EventSource("data/orders.jsonl", 17))),
                DEAD_LETTER.stage(),
                DEAD_LETTER.reason(),
                DEAD_LETTER.errorClass(),
                DEAD_LETTER.failedAt(),
                DEAD_LETTER.originalTopic(),
                DEAD_LETTER.deadLetterTopic());

        Map<String, String> headers = DeadLetterHeaders.of(fromFile);

        assertThat(headers).doesNotContainKey("source");
        assertThat(DeadLetterHeaders.failureHeaders(fromFile).keySet())
                .containsExactly(
                        "dlq_reason",
                        "dlq_error_class",
                        "dlq_stage",
                        "dlq_failed_at",
                        "dlq_original_topic",
                        "dlq_source_file",
                        "dlq_source_line")
                .allMatch(HeaderNames::isReserved);
        assertThat(headers)
                .containsEntry("dlq_source_file", "data/orders.jsonl")
                .containsEntry("dlq_source_line", "17");
    }

    @Test
    void givenSource_thenItsUriReferenceIsEscapedAndNeverReadsAsAScheme() {
        assertThat(new EventSource("orders.jsonl", 17).uriReference()).isEqualTo("./orders.jsonl:17");
        assertThat(new EventSource("data/my orders.jsonl", 3).uriReference()).isEqualTo("data/my%20orders.jsonl:3");
        assertThat(new EventSource("/tmp/ü.jsonl", 1).uriReference()).isEqualTo("/tmp/%C3%BC.jsonl:1");
        assertThat(new EventSource("-", 2).label()).isEqualTo("-:2");
    }
}
