package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delivery.guarantee=exactly-once} with a valid line larger than the RAW topic's {@code max.message.bytes}:
 * the broker would refuse it, which would abort the whole transaction; the line is dead-lettered inside the
 * transaction instead, as in at-least-once mode, and the run goes on to the end of the file.
 */
@StreamLakeIntegrationTest
class CliExactlyOnceTooLargeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINES = 40;
    private static final int OVERSIZED_LINE = 17;
    private static final int MAX_MESSAGE_BYTES = 4_096;
    private static final int DLQ_PAYLOAD_MAX_BYTES = 1_024;

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;

    @TempDir
    Path dir;

    CliExactlyOnceTooLargeTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @Test
    void givenAValidLineLargerThanTheTopicAccepts_thenItIsDeadLetteredInTheTransactionAndTheRunCompletes()
            throws IOException {
        Cli cli = new Cli(kafka, registry, dir);
        kafka.createTopic(new NewTopic(cli.raw("orders"), 3, (short) 1)
                .configs(Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES))));
        kafka.createTopic(cli.dlq("orders"), 3);
        // random letters: lz4 (the default compression) cannot bring them under the topic's limit
        Random random = new Random(17);
        StringBuilder blob = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            blob.append((char) ('a' + random.nextInt(26)));
        }
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= LINES; n++) {
            String id = n == OVERSIZED_LINE ? "o-" + n + "-" + blob : "o-" + n;
            lines.add("{\"order_id\":\"" + id + "\",\"amount\":" + n + "}");
        }
        Path file = dir.resolve("orders.jsonl");
        Files.write(file, lines, UTF_8);
        byte[] oversized = (lines.get(OVERSIZED_LINE - 1)).getBytes(UTF_8);

        Cli.Result run = cli.run(
                "produce",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--key-field",
                "order_id",
                "--set",
                "delivery.guarantee=exactly-once",
                "--set",
                "transaction.max.events=7",
                "--set",
                "dlq.payload.max.bytes=" + DLQ_PAYLOAD_MAX_BYTES);

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("published:     " + (LINES - 1))
                .contains("dead-lettered: 1")
                .contains("publish=1")
                .contains("the end of the file")
                .doesNotContain("aborted:");

        List<ConsumerRecord<byte[], byte[]>> raw = readCommitted(cli.raw("orders"));
        List<String> ids = raw.stream()
                .map(r -> new String(r.value(), UTF_8).replaceAll("(?s)^.*?(o-\\d+).*$", "$1"))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= LINES; n++) {
            if (n != OVERSIZED_LINE) {
                expected.add("o-" + n);
            }
        }
        assertThat(ids).as("every other line on RAW once").containsExactlyInAnyOrderElementsOf(expected);

        List<ConsumerRecord<byte[], byte[]>> dlq = readCommitted(cli.dlq("orders"));
        assertThat(dlq).as("the oversized line on the DLQ once").hasSize(1);
        ConsumerRecord<byte[], byte[]> letter = dlq.get(0);
        assertThat(header(letter, "dlq_stage")).isEqualTo("publish");
        assertThat(header(letter, "dlq_error_class")).isEqualTo("RecordTooLarge");
        assertThat(header(letter, "dlq_source_line")).isEqualTo(String.valueOf(OVERSIZED_LINE));
        assertThat(header(letter, "dlq_reason")).contains("max.message.bytes");
        JsonNode value = JSON.readTree(letter.value());
        assertThat(value.get("payload_truncated").asBoolean()).isTrue();
        assertThat(value.get("payload_size").asInt()).isEqualTo(oversized.length);
        assertThat(value.get("source_line").asLong()).isEqualTo(OVERSIZED_LINE);
        assertThat(value.get("payload_sha256").asText()).isEqualTo(DeadLetterValue.sha256(oversized));
        assertThat(Base64.getDecoder().decode(value.get("payload").asText()))
                .as("the payload's first dlq.payload.max.bytes bytes")
                .isEqualTo(Arrays.copyOf(oversized, DLQ_PAYLOAD_MAX_BYTES));
    }

    @Test
    void givenADeadLetterTooLargeForTheDlqTopic_thenItKeepsFewerPayloadBytesAndTheRunCompletes() throws IOException {
        Cli cli = new Cli(kafka, registry, dir);
        kafka.createTopic(new NewTopic(cli.raw("orders"), 1, (short) 1)
                .configs(Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES))));
        int dlqLimit = 24_000;
        kafka.createTopic(new NewTopic(cli.dlq("orders"), 1, (short) 1)
                .configs(Map.of("max.message.bytes", String.valueOf(dlqLimit))));
        Random random = new Random(23);
        StringBuilder blob = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            blob.append((char) ('a' + random.nextInt(26)));
        }
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= LINES; n++) {
            String id = n == OVERSIZED_LINE ? "o-" + n + "-" + blob : "o-" + n;
            lines.add("{\"order_id\":\"" + id + "\",\"amount\":" + n + "}");
        }
        Files.write(dir.resolve("orders.jsonl"), lines, UTF_8);

        // the default dlq.payload.max.bytes (256 KiB) would keep the whole 100 KB line: too large for the DLQ topic
        Cli.Result run = cli.run(
                "produce",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--key-field",
                "order_id",
                "--set",
                "delivery.guarantee=exactly-once",
                "--set",
                "compression.type=none");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("dead-lettered: 1").doesNotContain("aborted:");
        List<ConsumerRecord<byte[], byte[]>> dlq = readCommitted(cli.dlq("orders"));
        assertThat(dlq).hasSize(1);
        JsonNode value = JSON.readTree(dlq.get(0).value());
        assertThat(value.get("payload_truncated").asBoolean()).isTrue();
        assertThat(dlq.get(0).value().length).isLessThan(dlqLimit);
        assertThat(readCommitted(cli.raw("orders"))).hasSize(LINES - 1);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        return kafka.readToEnd(
                topic, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Duration.ofSeconds(60));
    }
}
