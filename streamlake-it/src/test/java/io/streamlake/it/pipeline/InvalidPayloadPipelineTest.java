package io.streamlake.it.pipeline;

import static io.streamlake.it.pipeline.PipelineFixture.ORDERS;
import static io.streamlake.it.pipeline.PipelineFixture.PAYMENTS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.provision.ProvisioningResult;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad payload, through the real pipeline with either codec: nothing reaches a RAW topic, and each
 * event's dead letter names its field path (or what else is wrong), keeps key and bytes, and lands on the key's
 * partition of its dataset's DLQ topic.
 */
@StreamLakeIntegrationTest
class InvalidPayloadPipelineTest {

    private static final DatasetName UNKNOWN = DatasetName.of("nosuch");

    /** One bad event and what its dead letter must say. */
    private record Case(
            String key,
            DatasetName dataset,
            byte[] payload,
            Optional<SchemaVersion> version,
            DlqStage stage,
            String encoding,
            List<String> reasonParts) {

        static Case of(
                String key, DatasetName dataset, String payload, DlqStage stage, String encoding, String... reason) {
            return new Case(key, dataset, payload.getBytes(UTF_8), Optional.empty(), stage, encoding, List.of(reason));
        }

        IngestCommand command() {
            IngestCommand command = IngestCommand.of(dataset, key, payload);
            return version.map(command::withSchemaVersion).orElse(command);
        }
    }

    private static final String PAYMENT = """
            {"payment_id": "pay-%s", "order_id": "o-1", "amount": 12.5, "method": %s, "paid_at": %s,
             "customer": {"customer_id": "c-1", "address": {"street": "Main St 1", "city": "Springfield",
                          "zip": %s, "country": "US"}},
             "items": [{"sku": "A-1", "quantity": 1, "unit_price": 2.5}, {"sku": "B-2", "quantity": 2, "unit_price": 5.0},
                       {%s "quantity": 1, "unit_price": 0.0}]}
            """;

    private static String payment(String id, String method, String paidAt, String zip, String thirdSku) {
        return PAYMENT.formatted(id, method, paidAt, zip, thirdSku);
    }

    private static List<Case> cases() {
        byte[] notUtf8 = {
            '{', '"', 'o', 'r', 'd', 'e', 'r', '_', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        };
        String goodPayment = payment("ok", "\"CARD\"", "\"2026-11-27T10:15:30Z\"", "\"12345\"", "\"sku\": \"C-3\",");
        List<Case> cases = new ArrayList<>(List.of(
                Case.of(
                        "malformed",
                        ORDERS,
                        "{\"order_id\": \"o-1\", \"amount\": }",
                        DlqStage.PARSE,
                        "text",
                        "malformed JSON",
                        "at column 31"),
                Case.of(
                        "trailing",
                        ORDERS,
                        "{\"order_id\": \"o-2\", \"amount\": 1} trailing",
                        DlqStage.PARSE,
                        "text",
                        "malformed JSON"),
                Case.of(
                        "wrong-type",
                        ORDERS,
                        "{\"order_id\": \"o-3\", \"amount\": \"abc\"}",
                        DlqStage.VALIDATE,
                        "json",
                        "$.amount",
                        "double",
                        "\"abc\""),
                Case.of(
                        "missing",
                        ORDERS,
                        "{\"amount\": 1.5}",
                        DlqStage.VALIDATE,
                        "json",
                        "$.order_id",
                        "required field missing"),
                Case.of(
                        "null",
                        ORDERS,
                        "{\"order_id\": \"o-5\", \"amount\": null}",
                        DlqStage.VALIDATE,
                        "json",
                        "$.amount",
                        "null"),
                Case.of(
                        "union",
                        ORDERS,
                        "{\"order_id\": \"o-6\", \"amount\": 1, \"currency\": 5}",
                        DlqStage.VALIDATE,
                        "json",
                        "$.currency"),
                Case.of(
                        "unknown-field",
                        ORDERS,
                        "{\"order_id\": \"o-7\", \"amount\": 1, \"colour\": \"red\"}",
                        DlqStage.VALIDATE,
                        "json",
                        "$.colour",
                        "unknown field"),
                Case.of(
                        "unknown-dataset",
                        UNKNOWN,
                        "{\"order_id\": \"o-8\", \"amount\": 1}",
                        DlqStage.VALIDATE,
                        "json",
                        "unknown dataset",
                        "nosuch"),
                new Case(
                        "unknown-version",
                        ORDERS,
                        "{\"order_id\": \"o-9\", \"amount\": 1}".getBytes(UTF_8),
                        Optional.of(SchemaVersion.of(9)),
                        DlqStage.VALIDATE,
                        "json",
                        List.of("v9", "orders")),
                Case.of(
                        "nested",
                        PAYMENTS,
                        payment("nested", "\"CARD\"", "1764238530000", "12345", "\"sku\": \"C-3\","),
                        DlqStage.VALIDATE,
                        "json",
                        "$.customer.address.zip",
                        "string"),
                Case.of(
                        "enum",
                        PAYMENTS,
                        payment("enum", "\"CASH\"", "1764238530000", "\"12345\"", "\"sku\": \"C-3\","),
                        DlqStage.VALIDATE,
                        "json",
                        "$.method",
                        "CASH"),
                Case.of(
                        "array",
                        PAYMENTS,
                        payment("array", "\"WALLET\"", "1764238530000", "\"12345\"", ""),
                        DlqStage.VALIDATE,
                        "json",
                        "$.items[2].sku",
                        "required field missing"),
                Case.of(
                        "timestamp",
                        PAYMENTS,
                        payment("timestamp", "\"CARD\"", "\"yesterday\"", "\"12345\"", "\"sku\": \"C-3\","),
                        DlqStage.VALIDATE,
                        "json",
                        "$.paid_at",
                        "timestamp-millis"),
                Case.of(
                        "top-level",
                        ORDERS,
                        "[{\"order_id\": \"o-14\", \"amount\": 1}]",
                        DlqStage.PARSE,
                        "json",
                        "must be an object",
                        "an array"),
                new Case(
                        "not-utf8",
                        ORDERS,
                        notUtf8,
                        Optional.empty(),
                        DlqStage.PARSE,
                        "base64",
                        List.of("invalid UTF-8", "byte offset 14"))));
        // the control: the same payment, valid, is accepted by this very pipeline
        cases.add(new Case("control", PAYMENTS, goodPayment.getBytes(UTF_8), Optional.empty(), null, null, List.of()));
        return cases;
    }

    @ParameterizedTest(name = "serialization={0}")
    @ValueSource(strings = {"json", "avro"})
    void givenInvalidJsonPayloadsOfEveryKind_thenEachLandsInDlqWithFieldPathReason(
            String serialization, KafkaEndpoint kafka, RegistryEndpoint registry) throws Exception {
        Map<String, String> schemaSettings =
                serialization.equals("avro") ? PipelineFixture.avro(registry) : PipelineFixture.json();
        List<Case> cases = cases();
        try (PipelineFixture pipeline = PipelineFixture.start(kafka, schemaSettings)) {
            List<ProvisioningResult> topics = pipeline.provision(ORDERS, PAYMENTS, UNKNOWN);
            for (ProvisioningResult t : topics) {
                assertThat(t.deadLetter().partitions())
                        .isEqualTo(t.raw().partitions())
                        .isEqualTo(PipelineFixture.PARTITIONS);
            }
            if (serialization.equals("avro")) {
                pipeline.prepare(ORDERS, Optional.empty());
                pipeline.prepare(PAYMENTS, Optional.empty());
            }

            PipelineFixture.Batch batch =
                    pipeline.ingestAll(cases.stream().map(Case::command).toList());

            Map<String, IngestionResult> results = batch.results().stream()
                    .collect(Collectors.toMap(r -> r.ref().key(), Function.identity()));
            assertThat(batch.summary().failed()).as("%s", batch.results()).isZero();
            assertThat(results.get("control")).as("the valid payment").isInstanceOf(IngestionResult.Published.class);
            assertThat(pipeline.endOffsets(pipeline.raw(ORDERS)))
                    .as("records in the orders RAW topic")
                    .isZero();
            assertThat(pipeline.endOffsets(pipeline.raw(UNKNOWN)))
                    .as("records in the nosuch RAW topic")
                    .isZero();
            assertThat(pipeline.read(pipeline.raw(PAYMENTS), 1))
                    .as("records in the payments RAW topic")
                    .extracting(PlainReader::key)
                    .containsExactly("control");

            Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = new HashMap<>();
            for (DatasetName dataset : List.of(ORDERS, PAYMENTS, UNKNOWN)) {
                int expected = (int) cases.stream()
                        .filter(c -> c.dataset().equals(dataset) && c.stage() != null)
                        .count();
                List<ConsumerRecord<byte[], byte[]>> records = pipeline.read(pipeline.deadLetter(dataset), expected);
                assertThat(records).as("dead letters of %s", dataset).hasSize(expected);
                records.forEach(r -> assertThat(deadLetters.put(PlainReader.key(r), r))
                        .as("one dead letter per key")
                        .isNull());
            }
            for (Case c : cases) {
                if (c.stage() != null) {
                    assertThat(results.get(c.key()))
                            .as(c.key())
                            .isInstanceOfSatisfying(
                                    IngestionResult.DeadLettered.class,
                                    d -> assertThat(d.stage()).isEqualTo(c.stage()));
                    assertDeadLetter(pipeline, c, deadLetters.get(c.key()));
                }
            }
        }
    }

    private static void assertDeadLetter(PipelineFixture pipeline, Case c, ConsumerRecord<byte[], byte[]> record)
            throws Exception {
        assertThat(record).as("dead letter of %s", c.key()).isNotNull();
        String reason = PlainReader.header(record, HeaderNames.DLQ_REASON);
        assertThat(PlainReader.header(record, HeaderNames.DLQ_STAGE))
                .as(c.key())
                .isEqualTo(c.stage().wireName());
        assertThat(reason).as("dlq_reason of %s", c.key()).contains(c.reasonParts());
        assertThat(PlainReader.header(record, HeaderNames.DLQ_ORIGINAL_TOPIC)).isEqualTo(pipeline.raw(c.dataset()));
        assertThat(PlainReader.header(record, HeaderNames.DATASET))
                .isEqualTo(c.dataset().value());
        assertThat(PlainReader.header(record, HeaderNames.CONTENT_TYPE))
                .as("a dead letter has no content type")
                .isNull();
        assertThat(record.key()).isEqualTo(c.key().getBytes(UTF_8));
        assertThat(record.partition())
                .as("partition of key %s", c.key())
                .isEqualTo(Utils.toPositive(Utils.murmur2(record.key())) % PipelineFixture.PARTITIONS);

        JsonNode value = PlainReader.JSON.readTree(record.value());
        assertThat(value.get(DeadLetterValue.PAYLOAD_ENCODING).textValue())
                .as(c.key())
                .isEqualTo(c.encoding());
        assertThat(value.get(DeadLetterValue.ERROR_REASON).textValue()).isEqualTo(reason);
        assertThat(value.get(DeadLetterValue.STAGE).textValue())
                .isEqualTo(c.stage().wireName());
        assertThat(value.get(DeadLetterValue.ORIGINAL_TOPIC).textValue()).isEqualTo(pipeline.raw(c.dataset()));
        assertThat(value.get(DeadLetterValue.PAYLOAD_SIZE).asInt()).isEqualTo(c.payload().length);
        assertThat(value.get(DeadLetterValue.PAYLOAD_TRUNCATED).asBoolean()).isFalse();
        switch (c.encoding()) {
            case "json" ->
                assertThat(new String(record.value(), UTF_8))
                        .as("the JSON payload is embedded byte for byte")
                        .startsWith("{\"" + DeadLetterValue.PAYLOAD + "\":" + new String(c.payload(), UTF_8) + ",");
            case "text" ->
                assertThat(value.get(DeadLetterValue.PAYLOAD).textValue()).isEqualTo(new String(c.payload(), UTF_8));
            case "base64" ->
                assertThat(Base64.getDecoder()
                                .decode(value.get(DeadLetterValue.PAYLOAD).textValue()))
                        .isEqualTo(c.payload());
            default -> throw new AssertionError(c.encoding());
        }
    }
}
