package io.streamlake.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "ORDERS_2", "a.b-c_d", "x"})
    void givenLegalDatasetName_thenAccepted(String name) {
        assertThat(DatasetName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "or ders", "orders/1", "ördérs", ".", "..", "a:b", "tab\t"})
    void givenIllegalDatasetName_thenRefusedNamingIt(String name) {
        assertThatThrownBy(() -> DatasetName.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset name");
    }

    @Test
    void givenDatasetNamesOfOneValue_thenEqualWithOneHashCode_andUnequalToOtherValuesAndTypes() {
        DatasetName orders = DatasetName.of("orders");
        DatasetName again = DatasetName.of(new String("orders"));
        assertThat(again).isNotSameAs(orders).isEqualTo(orders).hasSameHashCodeAs(orders);
        assertThat(orders).isEqualTo(orders);
        assertThat(orders).isNotEqualTo(DatasetName.of("Orders")).isNotEqualTo(DatasetName.of("users"));
        assertThat(orders.equals("orders")).isFalse();
        assertThat(orders.equals(null)).isFalse();
        assertThat(Map.of(orders, 1).get(again)).isEqualTo(1);
    }

    @Test
    void givenDatasetNameLongerThanLimit_thenRefused() {
        assertThat(DatasetName.of("a".repeat(DatasetName.MAX_LENGTH)).value()).hasSize(DatasetName.MAX_LENGTH);
        assertThatThrownBy(() -> DatasetName.of("a".repeat(DatasetName.MAX_LENGTH + 1)))
                .hasMessageContaining("at most " + DatasetName.MAX_LENGTH);
    }

    @Test
    void givenLongestDatasetAndLongestPrefix_thenTopicNamesStayLegalForKafka() {
        String longestPrefix =
                "p".repeat(TopicNaming.MAX_TOPIC_LENGTH - DatasetName.MAX_LENGTH - ".x.raw".length() + 1);
        TopicNaming naming = new TopicNaming(longestPrefix);
        DatasetName longest = DatasetName.of("d".repeat(DatasetName.MAX_LENGTH));
        assertThat(naming.raw(longest).length()).isLessThanOrEqualTo(TopicNaming.MAX_TOPIC_LENGTH);
        assertThat(naming.deadLetter(longest).length()).isLessThanOrEqualTo(TopicNaming.MAX_TOPIC_LENGTH);
        assertThatThrownBy(() -> new TopicNaming(longestPrefix + "p")).hasMessageContaining("too long");
    }

    @Test
    void givenDefaultNaming_thenTopicsAreStreamlakeDatasetRawAndDlq() {
        TopicNaming naming = TopicNaming.defaults();
        assertThat(naming.raw(DatasetName.of("orders"))).isEqualTo("streamlake.orders.raw");
        assertThat(naming.deadLetter(DatasetName.of("orders"))).isEqualTo("streamlake.orders.dlq");
        assertThat(new TopicNaming("lake").raw(DatasetName.of("orders"))).isEqualTo("lake.orders.raw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a/b"})
    void givenIllegalPrefix_thenRefused(String prefix) {
        assertThatThrownBy(() -> new TopicNaming(prefix)).hasMessageContaining("topic prefix");
    }

    @Test
    void givenVersionText_thenParsedBothWays() {
        assertThat(SchemaVersion.parse("v2")).isEqualTo(SchemaVersion.of(2));
        assertThat(SchemaVersion.parse("7")).isEqualTo(SchemaVersion.of(7));
        assertThat(SchemaVersion.of(3)).hasToString("v3");
        assertThat(SchemaVersion.of(10)).isGreaterThan(SchemaVersion.of(9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v", "v0", "vx", "v-1", "1.0", "v99999999999"})
    void givenBadVersionText_thenRefusedNamingIt(String text) {
        assertThatThrownBy(() -> SchemaVersion.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenReservedAttributeName_thenMetadataRefusesIt() {
        for (String reserved : List.of("dataset", "ingestion_id", "dlq_reason", "ce_id", "content_type")) {
            assertThatThrownBy(() -> metadata(Map.of(reserved, "x")))
                    .hasMessageContaining("'" + reserved + "' is a reserved header name");
        }
        assertThat(metadata(Map.of("tenant", "acme")).attributes()).containsEntry("tenant", "acme");
    }

    @Test
    void givenMetadata_thenStandardHeadersAreInDesignOrderWithIsoUtcTime() {
        EventMetadata md = metadata(Map.of("tenant", "acme")).withSchemaVersion(SchemaVersion.of(1));
        Map<String, String> headers = HeaderNames.standardHeaders(md, HeaderNames.CONTENT_TYPE_JSON);
        assertThat(headers.keySet())
                .containsExactly(
                        "dataset",
                        "schema_version",
                        "ingestion_id",
                        "event_time",
                        "producer_service",
                        "content_type",
                        "tenant");
        assertThat(headers)
                .containsEntry("event_time", "2026-11-27T10:15:30.123Z")
                .containsEntry("schema_version", "v1")
                .containsEntry("producer_service", "streamlake-producer");
    }

    @Test
    void givenUnvalidatedMetadata_thenNoSchemaVersionHeader() {
        assertThat(HeaderNames.standardHeaders(metadata(Map.of()), null))
                .doesNotContainKeys("schema_version", "content_type");
    }

    @Test
    void givenViolations_thenInvalidOutcomeJoinsThemWithPaths() {
        ValidationOutcome.Invalid invalid = new ValidationOutcome.Invalid(List.of(
                new Violation("$.amount", "expected double, got string \"abc\""),
                new Violation("$.order_id", "required field is missing")));
        assertThat(invalid.reason())
                .isEqualTo("$.amount: expected double, got string \"abc\"; $.order_id: required field is missing");
        assertThatThrownBy(() -> new ValidationOutcome.Invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenStageCountsThatDoNotAddUp_thenSummaryRefused() {
        assertThatThrownBy(() -> new BatchSummary(1, 2, 0, Map.of(DlqStage.PARSE, 1L)))
                .hasMessageContaining("add up");
        BatchSummary ok = new BatchSummary(1, 2, 3, Map.of(DlqStage.PARSE, 2L));
        assertThat(ok.total()).isEqualTo(6);
        assertThat(ok.allAcknowledged()).isFalse();
    }

    @Test
    void givenStage_thenWireNameIsLowerCaseAndRoundTrips() {
        for (DlqStage stage : DlqStage.values()) {
            assertThat(DlqStage.fromWireName(stage.wireName())).isEqualTo(stage);
        }
        assertThat(DlqStage.SERIALIZE.wireName()).isEqualTo("serialize");
    }

    @Test
    void givenNegativeOffsetOrPartition_thenReceiptRefused() {
        assertThatThrownBy(() -> new PublishReceipt("t", -1, 0, Instant.EPOCH)).hasMessageContaining("partition");
        assertThatThrownBy(() -> new PublishReceipt("t", 0, -1, Instant.EPOCH)).hasMessageContaining("offset");
    }

    static EventMetadata metadata(Map<String, String> attributes) {
        return new EventMetadata(
                DatasetName.of("orders"),
                Optional.empty(),
                "id-1",
                Instant.parse("2026-11-27T10:15:30.123Z"),
                HeaderNames.DEFAULT_PRODUCER_SERVICE,
                attributes);
    }
}
