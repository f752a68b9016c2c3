package io.streamlake.schema.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.memory.MockSchemaRegistry;
import io.streamlake.schema.testing.CountingRegistryClient;
import io.streamlake.schema.testing.Pipeline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroWireSerializerTest {

    private static final Optional<SchemaVersion> V1 = Optional.of(SchemaVersion.of(1));
    private static final String PAYMENT = """
            {"payment_id": "p-1", "order_id": "o-1", "amount": 12, "method": "WALLET",
             "paid_at": "2025-11-27T11:00:00.250Z",
             "customer": {"customer_id": "c-1", "address": null},
             "items": [{"sku": "a", "quantity": 3, "unit_price": 2.5}]}
            """;

    private final String scope = "avro-" + UUID.randomUUID();
    private final CountingRegistryClient registry = new CountingRegistryClient(MockSchemaRegistry.client(scope));

    @AfterEach
    void reset() {
        MockSchemaRegistry.reset(scope);
    }

    private SchemaModule module(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(
                Map.of(SchemaConfig.SERIALIZATION_CONFIG, "avro", SchemaConfig.REGISTRY_URL_CONFIG, "mock://" + scope));
        props.putAll(extra);
        return SchemaModuleFactory.create(
                new SchemaConfig(props), TopicNaming.defaults(), SchemaCatalogs.builtIn(), registry);
    }

    private static GenericRecord read(Schema schema, byte[] value) throws IOException {
        return new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    }

    private int registeredId(SchemaRegistryClient client, String subject, Schema schema) {
        return client.lookup(subject, schema).orElseThrow().id();
    }

    @Test
    void givenOrder_thenMagicByteAndBigEndianIdPrecedeAvroBinaryOfTheInput() throws IOException {
        SchemaModule module = module(Map.of());
        SerializedPayload out = Pipeline.serialize(module, "orders", V1, "{\"order_id\": \"o-1\", \"amount\": 10}");

        Schema v1 = module.catalog()
                .require(io.streamlake.core.domain.DatasetName.of("orders"), V1)
                .schema();
        int id = registeredId(MockSchemaRegistry.client(scope), "streamlake.orders.raw-value", v1);
        assertThat(out.contentType()).isEqualTo(HeaderNames.CONTENT_TYPE_AVRO);
        assertThat(out.bytes()[0]).isZero();
        assertThat(ByteBuffer.wrap(out.bytes(), 1, 4).getInt()).isEqualTo(id);
        GenericRecord record = read(v1, out.bytes());
        assertThat(record.get("order_id")).isEqualTo(new Utf8("o-1"));
        assertThat(record.get("amount")).isEqualTo(10.0);
    }

    @Test
    void givenManyRecords_thenTheRegistryIsCalledOnlyForTheFirst() {
        SchemaModule module = module(Map.of());
        Pipeline.serialize(module, "orders", V1, "{\"order_id\": \"o-0\", \"amount\": 1}");
        int afterFirst = registry.calls();
        for (int i = 1; i < 200; i++) {
            Pipeline.serialize(module, "orders", V1, "{\"order_id\": \"o-" + i + "\", \"amount\": " + i + "}");
        }
        assertThat(afterFirst).isBetween(1, 3);
        assertThat(registry.calls()).isEqualTo(afterFirst);
    }

    @Test
    void givenDatasetsAndVersionsAlternatingOnOneThread_thenEachRecordCarriesItsOwnSchemaId() {
        SchemaModule module = module(Map.of());
        String order = "{\"order_id\": \"o-1\", \"amount\": 10}";
        int ordersV1 = schemaId(Pipeline.serialize(module, "orders", V1, order));
        int ordersLatest = schemaId(Pipeline.serialize(module, "orders", Optional.empty(), order));
        int payments = schemaId(Pipeline.serialize(module, "payments", V1, PAYMENT));
        int ordersV1Again = schemaId(Pipeline.serialize(module, "orders", V1, order));
        int ordersV2 = schemaId(Pipeline.serialize(module, "orders", Optional.of(SchemaVersion.of(2)), order));

        SchemaRegistryClient client = MockSchemaRegistry.client(scope);
        assertThat(ordersV1)
                .isEqualTo(ordersV1Again)
                .isEqualTo(registeredId(
                        client,
                        "streamlake.orders.raw-value",
                        module.catalog()
                                .require(io.streamlake.core.domain.DatasetName.of("orders"), V1)
                                .schema()));
        assertThat(ordersLatest).isEqualTo(ordersV2).isNotEqualTo(ordersV1);
        assertThat(payments)
                .isNotIn(ordersV1, ordersV2)
                .isEqualTo(registeredId(
                        client,
                        "streamlake.payments.raw-value",
                        module.catalog()
                                .require(io.streamlake.core.domain.DatasetName.of("payments"), V1)
                                .schema()));
    }

    private static int schemaId(SerializedPayload out) {
        return ByteBuffer.wrap(out.bytes(), 1, 4).getInt();
    }

    @Test
    void givenNullableUnion_thenBranchesAreWrittenAndDecoded() throws IOException {
        SchemaModule module = module(Map.of());
        Schema v2 = module.catalog()
                .require(io.streamlake.core.domain.DatasetName.of("orders"), Optional.empty())
                .schema();
        byte[] eur = Pipeline.serialize(
                        module,
                        "orders",
                        Optional.empty(),
                        "{\"order_id\": \"o\", \"amount\": 1.5, \"currency\": \"EUR\"}")
                .bytes();
        byte[] none = Pipeline.serialize(module, "orders", Optional.empty(), "{\"order_id\": \"o\", \"amount\": 1.5}")
                .bytes();
        byte[] wrapped = Pipeline.serialize(
                        module,
                        "orders",
                        Optional.empty(),
                        "{\"order_id\": \"o\", \"amount\": 1.5, \"currency\": {\"string\": \"EUR\"}}")
                .bytes();
        assertThat(read(v2, eur).get("currency")).isEqualTo(new Utf8("EUR"));
        assertThat(read(v2, none).get("currency")).isNull();
        assertThat(wrapped).isEqualTo(eur);
    }

    @Test
    void givenPaymentWithLogicalTypesEnumNestingAndDefaults_thenDecodedValuesMatch() throws IOException {
        SchemaModule module = module(Map.of());
        SerializedPayload out = Pipeline.serialize(module, "payments", V1, PAYMENT);
        Schema schema =
                module.registry().schemaById(ByteBuffer.wrap(out.bytes(), 1, 4).getInt());
        GenericRecord record = read(schema, out.bytes());

        assertThat(record.get("paid_at"))
                .isEqualTo(Instant.parse("2025-11-27T11:00:00.250Z").toEpochMilli());
        assertThat(record.get("method"))
                .isEqualTo(new GenericData.EnumSymbol(schema.getField("method").schema(), "WALLET"));
        assertThat(((GenericRecord) record.get("customer")).get("address")).isNull();
        GenericRecord item = (GenericRecord) ((List<?>) record.get("items")).get(0);
        assertThat(item.get("quantity")).isEqualTo(3);
        assertThat(record.get("attempt")).as("absent field gets its default").isEqualTo(1);
        assertThat((Map<?, ?>) record.get("attributes")).isEmpty();
    }

    @Test
    void givenWireBytes_thenDecoderAndJsonHelpersRoundTrip() {
        SchemaModule module = module(Map.of());
        SerializedPayload out = Pipeline.serialize(module, "payments", V1, PAYMENT);
        DecodedRecord decoded = module.decoder().decode(out.bytes());

        assertThat(decoded.schemaId())
                .isEqualTo(ByteBuffer.wrap(out.bytes(), 1, 4).getInt());
        assertThat(decoded.toJson())
                .contains("\"paid_at\":"
                        + Instant.parse("2025-11-27T11:00:00.250Z").toEpochMilli())
                .contains("\"method\":\"WALLET\"")
                .contains("\"address\":null");
        assertThat(AvroJson.fromJson(decoded.schema(), decoded.toJson())).isEqualTo(decoded.record());
    }

    @Test
    void givenValidationOffAndUnconvertiblePayload_thenRejectedAsSerializationErrorWithPath() {
        SchemaModule module = module(Map.of(SchemaConfig.VALIDATION_ENABLED_CONFIG, "false"));
        assertThatThrownBy(() -> Pipeline.serialize(module, "orders", V1, "{\"order_id\": \"o\", \"amount\": \"abc\"}"))
                .isInstanceOfSatisfying(RejectedPayloadException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("SerializationError");
                    assertThat(e.getMessage()).isEqualTo("$.amount: expected double, got string \"abc\"");
                });
        assertThatThrownBy(() -> Pipeline.serialize(module, "orders", V1, "{\"order_id\": \"o\"}"))
                .isInstanceOf(RejectedPayloadException.class)
                .hasMessage("$.amount: required field missing (expected double)");
    }

    @Test
    void givenUnreachableRegistry_thenRetriableFailureNamingTheUrl() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        SchemaModule module = SchemaModuleFactory.create(
                new SchemaConfig(Map.of(
                        SchemaConfig.SERIALIZATION_CONFIG,
                        "avro",
                        SchemaConfig.REGISTRY_URL_CONFIG,
                        url,
                        SchemaConfig.REGISTRY_RETRIES_CONFIG,
                        "0")),
                TopicNaming.defaults());
        assertThatThrownBy(() -> Pipeline.serialize(module, "orders", V1, "{\"order_id\": \"o\", \"amount\": 1}"))
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessageContaining(url);
        assertThatThrownBy(module::verifyRegistryReachable)
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessageContaining(url);
    }

    @Test
    void givenUnreachableRegistry_thenTheReachabilityCheckFailsFastWithoutRetrying() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SchemaModule module = SchemaModuleFactory.create(
                new SchemaConfig(Map.of(
                        SchemaConfig.SERIALIZATION_CONFIG,
                        "avro",
                        SchemaConfig.REGISTRY_URL_CONFIG,
                        "http://127.0.0.1:" + port,
                        SchemaConfig.REGISTRY_RETRIES_CONFIG,
                        "3",
                        SchemaConfig.REGISTRY_RETRY_BACKOFF_MS_CONFIG,
                        "5000")),
                TopicNaming.defaults());
        long start = System.nanoTime();
        assertThatThrownBy(module::verifyRegistryReachable)
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessageContaining("1 attempt(s)");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(4));
    }

    @Test
    void givenSwitchToJson_thenOriginalBytesAndJsonContentType() {
        SchemaModule module = module(Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json"));
        String json = "{ \"order_id\" : \"o-1\",\n \"amount\": 10 }";
        SerializedPayload out = Pipeline.serialize(module, "orders", V1, json);
        assertThat(out.contentType()).isEqualTo(HeaderNames.CONTENT_TYPE_JSON);
        assertThat(new String(out.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(json);
        assertThat(registry.calls()).isZero();
    }

    @Test
    void givenConcurrentThreads_thenEveryValueDecodesToItsOwnInput() throws Exception {
        SchemaModule module = module(Map.of());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        String id = "o-" + thread + "-" + i + "-" + "x".repeat(i % 50);
                        byte[] bytes = Pipeline.serialize(
                                        module, "orders", V1, "{\"order_id\": \"" + id + "\", \"amount\": " + i + "}")
                                .bytes();
                        GenericRecord record = module.decoder().decode(bytes).record();
                        if (!record.get("order_id").toString().equals(id) || (double) record.get("amount") != i) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenBytesThatAreNotWireFormatOrTruncated_thenDecoderRefusesThem() {
        SchemaModule module = module(Map.of());
        byte[] good = Pipeline.serialize(module, "orders", V1, "{\"order_id\": \"o-1\", \"amount\": 10}")
                .bytes();
        assertThatThrownBy(() -> module.decoder().decode("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("magic byte");
        assertThatThrownBy(() -> module.decoder().decode(java.util.Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid Avro record");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 2);
        assertThatThrownBy(() -> module.decoder().decode(longer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ended before");
    }

    @Test
    void givenSchemaId_thenWireHeaderIsBigEndian() {
        byte[] header = new byte[WireFormat.HEADER_LENGTH];
        WireFormat.writeHeader(header, 0x01020304);
        assertThat(header).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaId(header)).isEqualTo(0x01020304);
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {'{', 0, 0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x7B");
    }
}
