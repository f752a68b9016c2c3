package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.EventSource;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** produce --file on the real broker: a dead letter's record says which file and line it came from. */
@StreamLakeIntegrationTest
class CliProvenanceTest {

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;

    @TempDir
    Path dir;

    CliProvenanceTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    @Test
    void givenAFileWithABadLine3_thenItsDlqRecordNamesTheFileAndLine3() throws IOException {
        Cli cli = new Cli(kafka, registry, dir);
        Cli.Result created = cli.run("topics", "create", "--dataset", "orders", "--partitions", "1");
        assertThat(created.code()).as(created.err()).isZero();
        Files.writeString(
                dir.resolve("orders.jsonl"),
                String.join(
                                "\n",
                                "{\"order_id\":\"p-1\",\"amount\":1.0}",
                                "",
                                "{\"order_id\":\"p-3\",, \"amount\":3.0}",
                                "{\"order_id\":\"p-4\",\"amount\":4.0}")
                        + "\n");

        Cli.Result produced = cli.run(
                "produce",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--key-field",
                "order_id",
                "--set",
                "headers.source=true");

        assertThat(produced.code()).as(produced.out() + produced.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.consumeAll(cli.dlq("orders"), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<byte[], byte[]> record = dead.get(0);
        assertThat(header(record, "dlq_source_file")).isEqualTo("orders.jsonl");
        assertThat(header(record, "dlq_source_line")).isEqualTo("3");
        assertThat(header(record, "dlq_reason")).startsWith("orders.jsonl line 3: malformed JSON: ");
        DeadLetterValue value = DeadLetterValue.decode(record.value()).orElseThrow();
        assertThat(value.source()).isEqualTo(new EventSource("orders.jsonl", 3));
        assertThat(value.errorReason()).startsWith("orders.jsonl line 3: ");

        List<ConsumerRecord<byte[], byte[]>> raw = kafka.consumeAll(cli.raw("orders"), 2, Duration.ofSeconds(30));
        assertThat(raw)
                .extracting(r -> header(r, "source"))
                .containsExactlyInAnyOrder("orders.jsonl:1", "orders.jsonl:4");
    }
}
