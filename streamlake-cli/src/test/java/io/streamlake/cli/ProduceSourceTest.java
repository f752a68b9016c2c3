package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** produce --file on the stdout transport: each record says which file and line it was read from. */
class ProduceSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "{\"order_id\":\"a\",\"amount\":1}\n"
            + "\n"
            + "{\"order_id\":\"b\",, \"amount\":2}\n"
            + "{\"order_id\":\"c\",\"amount\":3}\n";

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

    private CliRunner.Result produce(String... extra) throws IOException {
        Files.writeString(dir.resolve("orders.jsonl"), FILE, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of(
                "produce",
                "--transport",
                "stdout",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--key-field",
                "order_id"));
        args.addAll(List.of(extra));
        return new CliRunner(dir).run(args.toArray(String[]::new));
    }

    private static JsonNode only(List<JsonNode> records, String topic) {
        List<JsonNode> matching = records.stream()
                .filter(r -> r.get("topic").asText().equals(topic))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void givenAFileWithABadLine3_thenItsDeadLetterNamesTheFileAndLine3InHeadersValueAndReason() throws IOException {
        CliRunner.Result result = produce();

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode dead = only(records(result.out()), "streamlake.orders.dlq");
        JsonNode headers = dead.get("headers");
        assertThat(headers.get("dlq_source_file").asText()).isEqualTo("orders.jsonl");
        assertThat(headers.get("dlq_source_line").asText()).isEqualTo("3");
        assertThat(headers.get("dlq_stage").asText()).isEqualTo("parse");
        assertThat(headers.get("dlq_reason").asText())
                .startsWith("orders.jsonl line 3: malformed JSON: ")
                .doesNotContain("line 1");
        assertThat(headers.has("source")).isFalse();
        assertThat(dead.get("value").get("source_file").asText()).isEqualTo("orders.jsonl");
        assertThat(dead.get("value").get("source_line").asLong()).isEqualTo(3);
        assertThat(dead.get("value").get("error_reason").asText()).startsWith("orders.jsonl line 3: ");
    }

    @Test
    void givenDefaults_thenRawRecordsCarryNoSource() throws IOException {
        CliRunner.Result result = produce();

        assertThat(records(result.out()))
                .filteredOn(r -> r.get("topic").asText().endsWith(".raw"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.get("headers").has("source")).isFalse());
    }

    @Test
    void givenHeadersSourceOn_thenEachRawRecordNamesItsFileAndLine() throws IOException {
        CliRunner.Result result = produce("--set", "headers.source=true");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(records(result.out()))
                .filteredOn(r -> r.get("topic").asText().endsWith(".raw"))
                .extracting(r -> r.get("headers").get("source").asText())
                .containsExactly("orders.jsonl:1", "orders.jsonl:4");
    }
}
