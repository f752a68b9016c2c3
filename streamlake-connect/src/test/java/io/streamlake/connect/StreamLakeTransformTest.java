package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The transform on single records: each value type, bad data, and a registry that cannot be reached. */
class StreamLakeTransformTest {

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(Map.of("f", "x"), Map.of("o", 1), "in", 3, null, null, schema, value, 5L);
    }

    private static StreamLakeTransform<SourceRecord> transform(Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(Map.of("dataset", "orders", "key.field", "order_id"));
        config.putAll(extra);
        StreamLakeTransform<SourceRecord> transform = new StreamLakeTransform<>();
        transform.configure(config);
        return transform;
    }

    private static String header(SourceRecord r, String name) {
        Header h = r.headers().lastWithName(name);
        return h == null ? null : new String((byte[]) h.value(), UTF_8);
    }

    @Test
    void givenAStructValue_thenItIsRenderedAsJsonAndWrittenToRaw() {
        Schema schema = SchemaBuilder.struct()
                .field("order_id", Schema.STRING_SCHEMA)
                .field("amount", Schema.FLOAT64_SCHEMA)
                .build();
        Struct value = new Struct(schema).put("order_id", "S-1").put("amount", 4.5);
        try (StreamLakeTransform<SourceRecord> transform = transform(Map.of())) {
            SourceRecord out = transform.apply(record(schema, value));

            assertThat(out.topic()).isEqualTo("streamlake.orders.raw");
            assertThat(out.kafkaPartition()).isNull();
            assertThat(out.key()).isEqualTo("S-1".getBytes(UTF_8));
            assertThat(new String((byte[]) out.value(), UTF_8)).isEqualTo("{\"order_id\":\"S-1\",\"amount\":4.5}");
            assertThat(out.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
            assertThat(header(out, "dataset")).isEqualTo("orders");
            assertThat(header(out, "content_type")).isEqualTo("application/json");
            assertThat(out.sourceOffset()).isEqualTo(Map.of("o", 1));
        }
    }

    @Test
    void givenAMapOrAString_thenTheyAreTheSamePayload() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("order_id", "M-1");
        map.put("amount", 2.0);
        try (StreamLakeTransform<SourceRecord> transform = transform(Map.of())) {
            SourceRecord fromMap = transform.apply(record(null, map));
            SourceRecord fromText =
                    transform.apply(record(Schema.STRING_SCHEMA, "{\"order_id\":\"M-1\",\"amount\":2.0}"));

            assertThat(fromMap.value()).isEqualTo(fromText.value());
            assertThat(fromMap.key()).isEqualTo(fromText.key());
        }
    }

    @Test
    void givenBadData_thenTheRecordBecomesItsDeadLetter() {
        try (StreamLakeTransform<SourceRecord> transform = transform(Map.of())) {
            SourceRecord out = transform.apply(record(Schema.BYTES_SCHEMA, "{oops".getBytes(UTF_8)));

            assertThat(out.topic()).isEqualTo("streamlake.orders.dlq");
            assertThat(header(out, "dlq_stage")).isEqualTo("parse");
            assertThat(new String((byte[]) out.value(), UTF_8)).contains("\"payload\":\"{oops\"");
        }
    }

    @Test
    void givenTheRegistryDown_thenTheTransformFailsRetriablyAndDeadLettersNothing() {
        try (StreamLakeTransform<SourceRecord> transform = transform(Map.of(
                "serialization", "avro",
                "schema.registry.url", "http://127.0.0.1:1",
                "schema.registry.retries", "0",
                "schema.registry.connect.timeout.ms", "500"))) {
            assertThatThrownBy(
                            () -> transform.apply(record(Schema.STRING_SCHEMA, "{\"order_id\":\"A\",\"amount\":1.0}")))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("127.0.0.1:1");
        }
    }

    @Test
    void givenACatalogWithRules_thenTheTransformAppliesThemAsProduceDoes() {
        String catalog = Path.of("..", "examples", "catalog")
                .toAbsolutePath()
                .normalize()
                .toString();
        try (StreamLakeTransform<SourceRecord> transform = transform(Map.of("schema.catalog.dir", catalog))) {
            SourceRecord masked = transform.apply(
                    record(Schema.STRING_SCHEMA, "{\"order_id\":\"ORD-1\",\"amount\":3.0,\"currency\":\"eur\"}"));
            SourceRecord broken = transform.apply(
                    record(Schema.STRING_SCHEMA, "{\"order_id\":\"ORD-2\",\"amount\":-1.0,\"currency\":\"EUR\"}"));

            assertThat(masked.topic()).isEqualTo("streamlake.orders.raw");
            assertThat(new String((byte[]) masked.value(), UTF_8)).contains("\"currency\":\"EUR\"");
            assertThat(broken.topic()).isEqualTo("streamlake.orders.dlq");
            assertThat(header(broken, "dlq_stage")).isEqualTo("rule");
            assertThat(header(broken, "dlq_rule")).isEqualTo("positive-amount");
        }
    }
}
