package io.streamlake.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterValueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenJsonPayload_thenEmbeddedAsJsonWithAllFields() throws IOException {
        JsonNode value =
                encode("{\"order_id\": \"ORD-1\", \"amount\": \"abc\"}".getBytes(StandardCharsets.UTF_8), 1024);
        assertThat(value.get("payload_encoding").asText()).isEqualTo("json");
        assertThat(value.get("payload").get("amount").asText()).isEqualTo("abc");
        assertThat(value.get("payload_truncated").asBoolean()).isFalse();
        assertThat(value.get("error_reason").asText()).isEqualTo("$.amount: expected double, got string \"abc\"");
        assertThat(value.get("error_class").asText()).isEqualTo("SchemaViolation");
        assertThat(value.get("stage").asText()).isEqualTo("validate");
        assertThat(value.get("failed_at").asText()).isEqualTo("2026-11-27T10:15:31Z");
        assertThat(value.get("dataset").asText()).isEqualTo("orders");
        assertThat(value.get("schema_version").isNull()).isTrue();
        assertThat(value.get("ingestion_id").asText()).isEqualTo("id-1");
        assertThat(value.get("key").asText()).isEqualTo("ORD-1");
        assertThat(value.get("original_topic").asText()).isEqualTo("streamlake.orders.raw");
    }

    @Test
    void givenNonJsonText_thenKeptAsTextByteForByte() throws IOException {
        String text = "not json \"quoted\" \\ tab\t nul\u0000 newline\n ünïcødé \u2028";
        JsonNode value = encode(text.getBytes(StandardCharsets.UTF_8), 1024);
        assertThat(value.get("payload_encoding").asText()).isEqualTo("text");
        assertThat(value.get("payload").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenHugeNumber_thenKeptAsTextSoTheDeadLetterStaysReadableByDefaultJsonReaders() throws IOException {
        String payload = "{\"amount\": " + "1".repeat(5000) + "}";
        JsonNode value = encode(payload.getBytes(StandardCharsets.UTF_8), 1 << 20);
        assertThat(value.get("payload_encoding").asText()).isEqualTo("text");
        assertThat(value.get("payload").asText()).isEqualTo(payload);
    }

    @Test
    void givenInvalidUtf8_thenKeptAsBase64ByteForByte() throws IOException {
        byte[] bytes = {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF, 'x'};
        JsonNode value = encode(bytes, 1024);
        assertThat(value.get("payload_encoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(value.get("payload").asText())).isEqualTo(bytes);
        assertThat(value.get("payload_size").asInt()).isEqualTo(5);
    }

    @Test
    void givenBomBeforeJson_thenKeptAsTextNotEmbedded() throws IOException {
        String text = "\uFEFF{\"a\":1}";
        JsonNode value = encode(text.getBytes(StandardCharsets.UTF_8), 1024);
        assertThat(value.get("payload_encoding").asText()).isEqualTo("text");
        assertThat(value.get("payload").asText()).isEqualTo(text);
    }

    @Test
    void givenPayloadOverLimit_thenFirstBytesKeptInBase64AndFlaggedWithSizeAndHash() throws IOException {
        byte[] big = ("{\"blob\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        JsonNode value = encode(big, 100);
        assertThat(value.get("payload_truncated").asBoolean()).isTrue();
        assertThat(value.get("payload_encoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(value.get("payload").asText())).isEqualTo(Arrays.copyOf(big, 100));
        assertThat(value.get("payload_size").asInt()).isEqualTo(big.length);
        assertThat(value.get("payload_sha256").asText())
                .isEqualTo(DeadLetterValue.sha256(big))
                .hasSize(64);
    }

    @Test
    void givenPayloadExactlyAtLimit_thenNotTruncated() throws IOException {
        byte[] bytes = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(encode(bytes, bytes.length).get("payload_truncated").asBoolean())
                .isFalse();
    }

    @Test
    void givenKnownInput_thenSha256MatchesReference() {
        assertThat(DeadLetterValue.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void givenNullKeyAndReasonWithControlCharacters_thenStillValidJson() throws IOException {
        DeadLetter dl = new DeadLetter(
                null,
                new byte[0],
                DomainValuesTest.metadata(Map.of()),
                DlqStage.PARSE,
                "bad \u0001 byte\r\n",
                "MalformedPayload",
                Instant.EPOCH,
                "streamlake.orders.raw",
                "streamlake.orders.dlq");
        JsonNode value = JSON.readTree(DeadLetterValue.encode(dl, 10));
        assertThat(value.get("key").isNull()).isTrue();
        assertThat(value.get("error_reason").asText()).isEqualTo("bad \u0001 byte\r\n");
        assertThat(value.get("payload_encoding").asText()).isEqualTo("text");
    }

    @Test
    void givenEncodedValue_thenDecodedWithEveryMember() {
        DeadLetter dl = new DeadLetter(
                "ORD-1",
                "{ \"a\" : [1, 2] }\n".getBytes(StandardCharsets.UTF_8),
                new EventMetadata(
                        DatasetName.of("orders"),
                        Optional.of(SchemaVersion.of(2)),
                        "id-1",
                        Instant.EPOCH,
                        HeaderNames.DEFAULT_PRODUCER_SERVICE,
                        Map.of()),
                DlqStage.VALIDATE,
                "$.amount: required",
                "SchemaViolation",
                Instant.parse("2026-11-27T10:15:31.5Z"),
                "streamlake.orders.raw",
                "streamlake.orders.dlq");

        DeadLetterValue value =
                DeadLetterValue.decode(DeadLetterValue.encode(dl, 1024)).orElseThrow();

        assertThat(value)
                .isEqualTo(new DeadLetterValue(
                        dl.originalPayload(),
                        "json",
                        dl.originalPayload().length,
                        false,
                        DeadLetterValue.sha256(dl.originalPayload()),
                        "$.amount: required",
                        "SchemaViolation",
                        DlqStage.VALIDATE,
                        Instant.parse("2026-11-27T10:15:31.5Z"),
                        DatasetName.of("orders"),
                        SchemaVersion.of(2),
                        "id-1",
                        "ORD-1",
                        "streamlake.orders.raw",
                        null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "null",
                "[]",
                "\"text\"",
                "{\"payload\": 1}",
                "{\"payload_encoding\": \"json\"}",
                "{\"payload\": 1, \"payload_encoding\": \"gzip\"}",
                "{\"payload\": 1, \"payload_encoding\": \"text\"}",
                "{\"payload\": \"!!\", \"payload_encoding\": \"base64\"}",
                "{\"payload\": 1, \"payload_encoding\": \"json\", \"stage\": \"shipping\"}",
                "{\"payload\": 1, \"payload_encoding\": \"json\", \"failed_at\": \"yesterday\"}",
                "{\"payload\": 1, \"payload_encoding\": \"json\", \"payload_size\": \"big\"}",
                "{\"payload\": 1, \"payload_encoding\": \"json\", \"key\": 7}",
                "{\"payload\": 1, \"payload_encoding\": \"json\"} trailing",
                "{\"payload\": 1, \"payload_encoding\": \"json\",}"
            })
    void givenValueThatIsNotADeadLetterValue_thenNothingDecoded(String value) {
        assertThat(DeadLetterValue.decode(value.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void givenNotUtf8Value_thenNothingDecoded() {
        assertThat(DeadLetterValue.decode(new byte[] {'{', (byte) 0xFF, '}'})).isEmpty();
    }

    @Test
    void givenMinimalValue_thenAbsentMembersAreNullAndSizeIsThePayloads() {
        DeadLetterValue value = DeadLetterValue.decode(
                        "{\"payload_encoding\":\"text\", \"payload\":\"a\\u00e9\"}".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(value.payload()).isEqualTo("aé".getBytes(StandardCharsets.UTF_8));
        assertThat(value.payloadSize()).isEqualTo(3);
        assertThat(value.payloadTruncated()).isFalse();
        assertThat(value.stage()).isNull();
        assertThat(value.failedAt()).isNull();
        assertThat(value.errorReason()).isNull();
        assertThat(value.schemaVersion()).isNull();
    }

    private static JsonNode encode(byte[] payload, int limit) throws IOException {
        DeadLetter dl = new DeadLetter(
                "ORD-1",
                payload,
                DomainValuesTest.metadata(Map.of()),
                DlqStage.VALIDATE,
                "$.amount: expected double, got string \"abc\"",
                "SchemaViolation",
                Instant.parse("2026-11-27T10:15:31Z"),
                "streamlake.orders.raw",
                "streamlake.orders.dlq");
        return JSON.readTree(DeadLetterValue.encode(dl, limit));
    }
}
