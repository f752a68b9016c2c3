package io.streamlake.kafka.publish;

import static io.streamlake.kafka.publish.Fixtures.pairs;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.kafka.settings.HeadersStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderMapperTest {

    @Test
    void givenStreamLakeStyle_thenHeadersEqualCoreStandardHeadersInOrder() {
        var headers = new HeaderMapper(HeadersStyle.STREAMLAKE).forEvent(Fixtures.metadata(), "application/json");

        assertThat(pairs(headers))
                .containsExactlyElementsOf(
                        HeaderNames.standardHeaders(Fixtures.metadata(), "application/json").entrySet().stream()
                                .map(e -> Map.entry(e.getKey(), e.getValue()))
                                .toList());
    }

    @Test
    void givenStreamLakeStyle_thenExactValues() {
        var headers = new HeaderMapper(HeadersStyle.STREAMLAKE).forEvent(Fixtures.metadata(), "application/avro");

        assertThat(pairs(headers))
                .containsExactly(
                        Map.entry("dataset", "orders"),
                        Map.entry("schema_version", "v2"),
                        Map.entry("ingestion_id", "id-1"),
                        Map.entry("event_time", "2026-11-27T11:30:00.123Z"),
                        Map.entry("producer_service", "checkout"),
                        Map.entry("content_type", "application/avro"),
                        Map.entry("tenant", "acme"));
    }

    @Test
    void givenCloudEventsStyle_thenBinaryModeHeadersPlusDatasetAndVersion() {
        var headers = new HeaderMapper(HeadersStyle.CLOUDEVENTS).forEvent(Fixtures.metadata(), "application/json");

        assertThat(pairs(headers))
                .containsExactly(
                        Map.entry("dataset", "orders"), Map.entry("schema_version", "v2"),
                        Map.entry("ce_specversion", "1.0"), Map.entry("ce_id", "id-1"),
                        Map.entry("ce_source", "/streamlake/checkout"), Map.entry("ce_type", "io.streamlake.orders"),
                        Map.entry("ce_time", "2026-11-27T11:30:00.123Z"), Map.entry("ce_dataschema", "orders/v2"),
                        Map.entry("content-type", "application/json"), Map.entry("tenant", "acme"));
    }

    @Test
    void givenBothStyles_thenEveryHeaderOnce() {
        var headers = new HeaderMapper(HeadersStyle.BOTH).forEvent(Fixtures.metadata(), "application/json");

        List<String> names = pairs(headers).stream().map(Map.Entry::getKey).toList();
        assertThat(names)
                .containsExactly(
                        "dataset",
                        "schema_version",
                        "ingestion_id",
                        "event_time",
                        "producer_service",
                        "content_type",
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_time",
                        "ce_dataschema",
                        "content-type",
                        "tenant");
    }

    @Test
    void givenNoSchemaVersion_thenNoVersionHeaders() {
        var metadata = Fixtures.metadata();
        var unvalidated = new io.streamlake.core.domain.EventMetadata(
                metadata.dataset(),
                Optional.empty(),
                metadata.ingestionId(),
                metadata.eventTime(),
                metadata.producerService(),
                Map.of());

        var names = pairs(new HeaderMapper(HeadersStyle.BOTH).forEvent(unvalidated, null)).stream()
                .map(Map.Entry::getKey)
                .toList();

        assertThat(names).doesNotContain("schema_version", "ce_dataschema", "content_type", "content-type");
    }

    private static EventMetadata fromFile() {
        return Fixtures.metadata().withSource(Optional.of(new EventSource("orders.jsonl", 17)));
    }

    @Test
    void givenSourceInStreamLakeStyle_thenSourceHeaderAfterContentTypeAndCoreOrderKept() {
        var headers = new HeaderMapper(HeadersStyle.STREAMLAKE).forEvent(fromFile(), "application/json");

        assertThat(pairs(headers))
                .containsExactlyElementsOf(
                        HeaderNames.standardHeaders(fromFile(), "application/json").entrySet().stream()
                                .map(e -> Map.entry(e.getKey(), e.getValue()))
                                .toList())
                .contains(Map.entry("source", "orders.jsonl:17"));
    }

    @Test
    void givenSourceInCloudEventsStyle_thenCeSourceIsTheFileAndLine() {
        var headers = new HeaderMapper(HeadersStyle.CLOUDEVENTS).forEvent(fromFile(), "application/json");

        assertThat(pairs(headers))
                .contains(Map.entry("ce_source", "./orders.jsonl:17"))
                .extracting(Map.Entry::getKey)
                .doesNotContain("source");
    }

    @Test
    void givenSourceInBothStyles_thenSourceAndCeSourceOnceEach() {
        var headers = pairs(new HeaderMapper(HeadersStyle.BOTH).forEvent(fromFile(), "application/json"));

        assertThat(headers).containsOnlyOnce(Map.entry("source", "orders.jsonl:17"));
        assertThat(headers).containsOnlyOnce(Map.entry("ce_source", "./orders.jsonl:17"));
    }

    @Test
    void givenDeadLetterFromAFileInBothStyles_thenDlqSourceHeadersAndTheServiceAsCeSource() {
        DeadLetter dl = Fixtures.deadLetter(new byte[] {1});
        DeadLetter fromFile = new DeadLetter(
                dl.key(),
                dl.originalPayload(),
                fromFile(),
                dl.stage(),
                dl.reason(),
                dl.errorClass(),
                dl.failedAt(),
                dl.originalTopic(),
                dl.deadLetterTopic());

        var headers = pairs(new HeaderMapper(HeadersStyle.BOTH).forDeadLetter(fromFile));

        assertThat(headers)
                .contains(
                        Map.entry("ce_source", "/streamlake/checkout"),
                        Map.entry("dlq_source_file", "orders.jsonl"),
                        Map.entry("dlq_source_line", "17"))
                .extracting(Map.Entry::getKey)
                .doesNotContain("source");
    }

    @Test
    void givenDeadLetter_thenOriginalHeadersWithoutContentTypeThenDlqHeaders() {
        var headers = new HeaderMapper(HeadersStyle.STREAMLAKE).forDeadLetter(Fixtures.deadLetter(new byte[] {1}));

        assertThat(pairs(headers))
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
    void givenEventsOfDifferentDatasetsVersionsServicesAndContentTypes_thenEachGetsItsOwnValues() {
        HeaderMapper mapper = new HeaderMapper(HeadersStyle.BOTH);
        var orders = Fixtures.metadata();
        var payments = new io.streamlake.core.domain.EventMetadata(
                io.streamlake.core.domain.DatasetName.of("payments"),
                Optional.of(io.streamlake.core.domain.SchemaVersion.of(7)),
                "id-2",
                orders.eventTime(),
                "billing",
                Map.of());

        for (int i = 0; i < 3; i++) {
            assertThat(pairs(mapper.forEvent(orders, "application/json")))
                    .contains(
                            Map.entry("dataset", "orders"),
                            Map.entry("schema_version", "v2"),
                            Map.entry("producer_service", "checkout"),
                            Map.entry("content_type", "application/json"),
                            Map.entry("ce_source", "/streamlake/checkout"),
                            Map.entry("ce_type", "io.streamlake.orders"),
                            Map.entry("ce_dataschema", "orders/v2"));
            assertThat(pairs(mapper.forEvent(payments, "application/avro")))
                    .contains(
                            Map.entry("dataset", "payments"),
                            Map.entry("schema_version", "v7"),
                            Map.entry("producer_service", "billing"),
                            Map.entry("content_type", "application/avro"),
                            Map.entry("content-type", "application/avro"),
                            Map.entry("ce_source", "/streamlake/billing"),
                            Map.entry("ce_type", "io.streamlake.payments"),
                            Map.entry("ce_dataschema", "payments/v7"),
                            Map.entry("ce_id", "id-2"));
            assertThat(pairs(mapper.forEvent(payments, null)))
                    .extracting(Map.Entry::getKey)
                    .doesNotContain("content_type", "content-type");
        }
    }
}
