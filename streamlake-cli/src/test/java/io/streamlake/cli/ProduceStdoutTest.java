package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** produce on the stdout transport: the dry run writes every record as one JSON line; no broker needed. */
class ProduceStdoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> records(String out) {
        return out.lines()
                .filter(l -> l.startsWith("{\"topic\""))
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + l, e);
                    }
                })
                .toList();
    }

    @Test
    void givenOneValidEvent_thenItsRawRecordIsPrintedWithHeadersKeyAndValue() {
        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "stdout",
                        "--dataset",
                        "orders",
                        "--key",
                        "o-1",
                        "--payload",
                        "{\"order_id\":\"o-1\",\"amount\":12.5}");

        assertThat(result.code()).as(result.err()).isZero();
        List<JsonNode> records = records(result.out());
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.get("topic").asText()).isEqualTo("streamlake.orders.raw");
        assertThat(record.get("key").asText()).isEqualTo("o-1");
        assertThat(record.get("value").get("amount").asDouble()).isEqualTo(12.5);
        JsonNode headers = record.get("headers");
        assertThat(headers.get("dataset").asText()).isEqualTo("orders");
        assertThat(headers.get("schema_version").asText()).isEqualTo("v2");
        assertThat(headers.get("content_type").asText()).isEqualTo("application/json");
        assertThat(headers.get("producer_service").asText()).isEqualTo("streamlake-producer");
        assertThat(headers.get("ingestion_id").asText()).isNotBlank();
        assertThat(result.err())
                .contains("published:     1")
                .contains("dead-lettered: 0")
                .contains("failed:        0");
        assertThat(result.out().lines())
                .as("stdout holds only the records, one JSON object a line")
                .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    }

    @Test
    void givenAnInvalidEvent_thenItsDeadLetterIsPrintedWithDlqHeaders() {
        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "stdout",
                        "--dataset",
                        "orders",
                        "--key",
                        "o-2",
                        "--payload",
                        "{\"order_id\":\"o-2\",\"amount\":\"lots\"}",
                        "--topic-prefix",
                        "dry");

        assertThat(result.code()).isZero();
        JsonNode record = records(result.out()).get(0);
        assertThat(record.get("topic").asText()).isEqualTo("dry.orders.dlq");
        assertThat(record.get("headers").get("dlq_stage").asText()).isEqualTo("validate");
        assertThat(record.get("headers").get("dlq_reason").asText()).contains("amount");
        assertThat(record.get("headers").get("dlq_original_topic").asText()).isEqualTo("dry.orders.raw");
        assertThat(record.get("value").get("payload_encoding").asText()).isEqualTo("json");
        assertThat(record.get("value").get("payload").get("amount").asText()).isEqualTo("lots");
        assertThat(result.err()).contains("dead-lettered: 1");
    }

    @Test
    void givenAJsonLinesFile_thenEveryNonBlankLineIsIngestedKeyedByItsField() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("{\"order_id\":\"a\",\"amount\":1}\n\n   \n".getBytes(StandardCharsets.UTF_8));
        file.write("{\"order_id\":\"b\",\"amount\":2}\r\n".getBytes(StandardCharsets.UTF_8));
        file.write(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        file.write("not json\n{\"order_id\":\"c\",\"amount\":3}".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("orders.jsonl"), file.toByteArray());

        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "stdout",
                        "--dataset",
                        "orders",
                        "--file",
                        "orders.jsonl",
                        "--key-field",
                        "order_id",
                        "--output",
                        "json");

        assertThat(result.code()).as(result.err()).isZero();
        List<JsonNode> records = records(result.out());
        assertThat(records).hasSize(5);
        assertThat(records.stream()
                        .filter(r -> r.get("topic").asText().endsWith(".raw"))
                        .map(r -> r.get("key").asText()))
                .containsExactly("a", "b", "c");
        JsonNode invalidUtf8 = records.stream()
                .filter(r -> r.get("topic").asText().endsWith(".dlq")
                        && r.get("value").get("payload_encoding").asText().equals("base64"))
                .findFirst()
                .orElseThrow();
        assertThat(invalidUtf8.get("value").get("payload").asText()).isEqualTo("eyLDKCJ9");
        String summary = result.err()
                .lines()
                .filter(l -> l.startsWith("{\"published\""))
                .findFirst()
                .orElseThrow();
        JsonNode json = JSON.readTree(summary);
        assertThat(json.get("published").asInt()).isEqualTo(3);
        assertThat(json.get("dead_lettered").asInt()).isEqualTo(2);
        assertThat(json.get("dead_lettered_by_stage").get("parse").asInt()).isEqualTo(2);
        assertThat(json.get("failed").asInt()).isZero();
        assertThat(json.get("failed_file").isNull()).isTrue();
    }

    @Test
    void givenStandardInput_thenDashReadsTheLinesFromIt() {
        java.io.InputStream original = System.in;
        System.setIn(new java.io.ByteArrayInputStream(
                "{\"order_id\":\"s-1\",\"amount\":1}\n{\"order_id\":\"s-2\",\"amount\":2}\n"
                        .getBytes(StandardCharsets.UTF_8)));
        try {
            CliRunner.Result result = new CliRunner(dir)
                    .run(
                            "produce",
                            "--transport",
                            "stdout",
                            "--dataset",
                            "orders",
                            "--file",
                            "-",
                            "--key-field",
                            "order_id");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(records(result.out()))
                    .extracting(r -> r.get("key").asText())
                    .containsExactly("s-1", "s-2");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void givenAnUnknownDataset_thenExitTwoBeforeAnythingIsSent() {
        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "stdout",
                        "--dataset",
                        "invoices",
                        "--key",
                        "i-1",
                        "--payload",
                        "{\"id\":1}");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip())
                .startsWith("error: unknown dataset 'invoices' (known: ")
                .contains("orders");
    }

    @Test
    void givenAMissingFile_thenExitTwoNamingIt() {
        CliRunner.Result result = new CliRunner(dir)
                .run("produce", "--transport", "stdout", "--dataset", "orders", "--file", "missing.jsonl");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: file missing.jsonl does not exist");
    }

    @Test
    void givenBothPayloadAndFile_thenUsageErrorExitTwo() {
        CliRunner.Result result =
                new CliRunner(dir).run("produce", "--dataset", "orders", "--payload", "{}", "--file", "x");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    void givenABadFlag_thenExitTwo() {
        CliRunner.Result result =
                new CliRunner(dir).run("produce", "--dataset", "orders", "--payload", "{}", "--frobnicate");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--frobnicate");
    }

    @Test
    void givenAnInvalidDatasetName_thenExitTwoNamingIt() {
        CliRunner.Result result = new CliRunner(dir).run("produce", "--dataset", "bad name", "--payload", "{}");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("bad name");
    }
}
