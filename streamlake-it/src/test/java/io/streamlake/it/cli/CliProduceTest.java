package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamlake produce} on the real broker: acknowledgements, headers, DLQ reasons, exit codes. */
@StreamLakeIntegrationTest
class CliProduceTest {

    private final KafkaEndpoint kafka;
    private Cli cli;

    @TempDir
    Path dir;

    CliProduceTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    private final RegistryEndpoint registry;

    @BeforeEach
    void provision() {
        cli = new Cli(kafka, registry, dir);
        Cli.Result created = cli.run("topics", "create", "--dataset", "orders", "--partitions", "3");
        assertThat(created.code()).as(created.err()).isZero();
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> out = new HashMap<>();
        for (Header h : record.headers()) {
            out.put(h.key(), new String(h.value(), UTF_8));
        }
        return out;
    }

    @Test
    void givenOneEvent_thenExitZeroAndTheRecordCarriesKeyAndHeaders() {
        Cli.Result result = cli.run(
                "produce",
                "--dataset",
                "orders",
                "--key",
                "o-1",
                "--payload",
                "{\"order_id\":\"o-1\",\"amount\":42.0}",
                "--schema-version",
                "v1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("published:     1");
        List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(cli.raw("orders"), 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).key(), UTF_8)).isEqualTo("o-1");
        assertThat(new String(records.get(0).value(), UTF_8)).isEqualTo("{\"order_id\":\"o-1\",\"amount\":42.0}");
        assertThat(headers(records.get(0)))
                .containsEntry("dataset", "orders")
                .containsEntry("schema_version", "v1")
                .containsEntry("content_type", "application/json")
                .containsEntry("producer_service", "streamlake-producer")
                .containsKeys("ingestion_id", "event_time");
    }

    @Test
    void givenAJsonLinesFileWithBadLines_thenCountsMatchAndBadLinesAreInTheDlqWithReasons() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            file.write(("{\"order_id\":\"k-" + (i % 4) + "\",\"amount\":" + i + "}\n").getBytes(UTF_8));
        }
        file.write("{\"order_id\":\"k-1\",\"amount\":\"many\"}\n\n{broken\n".getBytes(UTF_8));
        file.write(new byte[] {(byte) 0xFF, 'x', '\n'});
        Files.write(dir.resolve("orders.jsonl"), file.toByteArray());

        Cli.Result result = cli.run(
                "produce",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--key-field",
                "order_id",
                "--output",
                "json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("\"published\":20")
                .contains("\"dead_lettered\":3")
                .contains("\"failed\":0")
                .contains("\"validate\":1")
                .contains("\"parse\":2");
        assertThat(kafka.consumeAll(cli.raw("orders"), 20, Duration.ofSeconds(10)))
                .hasSize(20);
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.consumeAll(cli.dlq("orders"), 3, Duration.ofSeconds(10));
        assertThat(dead).hasSize(3);
        assertThat(dead)
                .extracting(r -> headers(r).get("dlq_stage"))
                .containsExactlyInAnyOrder("validate", "parse", "parse");
        assertThat(dead).extracting(r -> headers(r).get("dlq_reason")).anyMatch(reason -> reason.contains("amount"));
        ConsumerRecord<byte[], byte[]> poison = dead.stream()
                .filter(r -> new String(r.value(), UTF_8).contains("\"payload_encoding\":\"base64\""))
                .findFirst()
                .orElseThrow();
        assertThat(new String(poison.value(), UTF_8)).contains("\"payload\":\"/3g=\"");
    }

    @Test
    void givenAnUnknownDataset_thenExitTwoAndNothingIsSent() {
        Cli.Result topics = cli.run("topics", "create", "--dataset", "invoices", "--partitions", "1");
        assertThat(topics.code()).as(topics.err()).isZero();

        Cli.Result result = cli.run("produce", "--dataset", "invoices", "--key", "i-1", "--payload", "{\"id\":1}");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("error: unknown dataset 'invoices' (known: ");
        assertThat(kafka.consumeAll(cli.dlq("invoices"), 1, Duration.ofSeconds(2)))
                .isEmpty();
        assertThat(kafka.consumeAll(cli.raw("invoices"), 1, Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void givenAnUnreachableBroker_thenExitOneWithOneLineNamingItWithinSeconds() {
        long start = System.nanoTime();
        Cli.Result result = cli.runRaw(
                "produce",
                "--bootstrap-servers",
                "127.0.0.1:1",
                "--set",
                "connect.check.timeout.ms=1500",
                "--dataset",
                "orders",
                "--key",
                "o-1",
                "--payload",
                "{\"order_id\":\"o-1\",\"amount\":1}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo(
                        "error: Kafka cluster at 127.0.0.1:1 not reachable within 1500 ms (connect.check.timeout.ms)");
        assertThat(result.out()).doesNotContain("published");
        assertThat(took).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void givenAvroAndAnUnreachableRegistry_thenExitOneWithOneLineNamingIt() {
        Cli.Result result = cli.runRaw(
                "produce",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic-prefix",
                cli.prefix(),
                "--serialization",
                "avro",
                "--schema-registry-url",
                "http://127.0.0.1:1/apis/ccompat/v7",
                "--dataset",
                "orders",
                "--key",
                "o-1",
                "--payload",
                "{\"order_id\":\"o-1\",\"amount\":1}");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("127.0.0.1:1");
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(kafka.consumeAll(cli.raw("orders"), 1, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void givenAMissingFile_thenExitTwoNamingIt() {
        Cli.Result result = cli.run("produce", "--dataset", "orders", "--file", "nowhere.jsonl");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: file nowhere.jsonl does not exist");
    }

    @Test
    void givenABadFlag_thenExitTwo() {
        Cli.Result result = cli.run("produce", "--dataset", "orders", "--payload", "{}", "--partitions", "3");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--partitions");
    }
}
