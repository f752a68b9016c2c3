package io.streamlake.runtime.records;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.runtime.config.InvalidSettingsException;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class RecordPreparerTest {

    private static final DatasetName ORDERS = DatasetName.of("orders");

    private static IngestCommand line(String json, long number) {
        return IngestCommand.keyedBy(ORDERS, "order_id", json.getBytes(UTF_8))
                .withSource(new EventSource("orders.jsonl", number));
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    @Test
    void givenAValidJsonLine_thenItIsTheRawRecordWithKeyHeadersAndValue() {
        try (RecordPreparer preparer = RecordPreparer.create(Map.of("serialization", "json"))) {
            PreparedRecord prepared = preparer.prepare(line("{\"order_id\":\"A-1\",\"amount\":12.5}", 1));

            assertThat(prepared.deadLettered()).isFalse();
            assertThat(prepared.record().topic()).isEqualTo("streamlake.orders.raw");
            assertThat(prepared.record().partition()).isNull();
            assertThat(new String(prepared.record().key(), UTF_8)).isEqualTo("A-1");
            assertThat(new String(prepared.record().value(), UTF_8))
                    .isEqualTo("{\"order_id\":\"A-1\",\"amount\":12.5}");
            Headers headers = prepared.record().headers();
            assertThat(header(headers, "dataset")).isEqualTo("orders");
            assertThat(header(headers, "schema_version")).isEqualTo("v2"); // the latest version of orders
            assertThat(header(headers, "content_type")).isEqualTo("application/json");
            assertThat(header(headers, "producer_service")).isEqualTo("streamlake-producer");
            assertThat(header(headers, "ingestion_id")).isNotBlank();
            assertThat(header(headers, "source")).isNull();
            assertThat(header(headers, "event_time")).isNotBlank();
        }
    }

    @Test
    void givenAMalformedLine_thenItIsTheDeadLetterRecordWithItsSourceLine() {
        try (RecordPreparer preparer = RecordPreparer.create(Map.of())) {
            PreparedRecord prepared = preparer.prepare(line("{not json", 7));

            assertThat(prepared.deadLettered()).isTrue();
            assertThat(prepared.record().topic()).isEqualTo("streamlake.orders.dlq");
            Headers headers = prepared.record().headers();
            assertThat(header(headers, "dlq_stage")).isEqualTo("parse");
            assertThat(header(headers, "dlq_source_file")).isEqualTo("orders.jsonl");
            assertThat(header(headers, "dlq_source_line")).isEqualTo("7");
            assertThat(header(headers, "dlq_reason")).startsWith("orders.jsonl line 7: ");
            assertThat(new String(prepared.record().value(), UTF_8)).contains("\"payload\":\"{not json\"");
        }
    }

    @Test
    void givenAvroWithARegistry_thenTheValueIsInTheConfluentWireFormat() {
        try (RecordPreparer preparer = RecordPreparer.create(
                Map.of("serialization", "avro", "schema.registry.url", "mock://record-preparer-test"))) {
            preparer.checkReady(ORDERS, Optional.empty());
            PreparedRecord prepared = preparer.prepare(line("{\"order_id\":\"A-1\",\"amount\":12.5}", 1));

            assertThat(prepared.deadLettered()).isFalse();
            assertThat(prepared.record().value()[0]).isZero();
            assertThat(header(prepared.record().headers(), "content_type")).isEqualTo("application/avro");
        }
    }

    @Test
    void givenTheRegistryDown_thenPreparingFailsRetriablyAndNothingIsDeadLettered() {
        try (RecordPreparer preparer = RecordPreparer.create(Map.of(
                "serialization", "avro",
                "schema.registry.url", "http://127.0.0.1:1",
                "schema.registry.retries", "0",
                "schema.registry.connect.timeout.ms", "500"))) {
            assertThatThrownBy(() -> preparer.prepare(line("{\"order_id\":\"A-1\",\"amount\":12.5}", 1)))
                    .isInstanceOf(RetriableStreamLakeException.class)
                    .hasMessageContaining("not prepared");
        }
    }

    @Test
    void givenAnUnknownKey_thenCreatingFailsNamingIt() {
        assertThatThrownBy(() -> RecordPreparer.create(Map.of("serialisation", "json")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("serialisation");
    }

    @Test
    void givenAnUnknownDataset_thenCheckReadyFailsNamingIt() {
        try (RecordPreparer preparer = RecordPreparer.create(Map.of())) {
            assertThatThrownBy(() -> preparer.checkReady(DatasetName.of("ordres"), Optional.empty()))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("ordres");
        }
    }
}
