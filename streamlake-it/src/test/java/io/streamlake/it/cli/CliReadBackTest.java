package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** consume (JSON and Avro), dlq show and dlq replay after a schema change, on the real broker and registry. */
@StreamLakeIntegrationTest
class CliReadBackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;
    private Cli cli;

    @TempDir
    Path dir;

    CliReadBackTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeEach
    void provision() {
        cli = new Cli(kafka, registry, dir);
        Cli.Result created = cli.run("topics", "create", "--dataset", "orders", "--partitions", "2");
        assertThat(created.code()).as(created.err()).isZero();
    }

    private static List<JsonNode> jsonLines(String out) {
        return out.lines()
                .filter(l -> l.startsWith("{"))
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError(l, e);
                    }
                })
                .toList();
    }

    @Test
    void givenJsonEvents_thenConsumeShowsKeyPartitionOffsetHeadersAndValue() {
        assertThat(cli.run(
                                "produce",
                                "--dataset",
                                "orders",
                                "--key",
                                "c-1",
                                "--payload",
                                "{\"order_id\":\"c-1\",\"amount\":5.5}")
                        .code())
                .isZero();

        Cli.Result result = cli.run(
                "consume",
                "--dataset",
                "orders",
                "--from-beginning",
                "--max",
                "1",
                "--timeout",
                "PT5S",
                "--output",
                "json");

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode record = jsonLines(result.out()).get(0);
        assertThat(record.get("key").asText()).isEqualTo("c-1");
        assertThat(record.get("offset").asLong()).isZero();
        assertThat(record.get("partition").asInt()).isBetween(0, 1);
        assertThat(record.get("headers").get("content_type").asText()).isEqualTo("application/json");
        assertThat(record.get("value").asText()).isEqualTo("{\"order_id\":\"c-1\",\"amount\":5.5}");
        assertThat(result.err()).contains("1 record(s) read from " + cli.raw("orders"));

        Cli.Result table = cli.run("consume", "--topic", cli.raw("orders"), "--from-beginning", "--timeout", "PT2S");
        assertThat(table.out()).contains("key=c-1").contains("dataset: orders").contains("value (text):");
    }

    @Test
    void givenAvroEvents_thenConsumeDecodesThemThroughTheRegistry() {
        Cli.Result produced = cli.run(
                "produce",
                "--serialization",
                "avro",
                "--dataset",
                "orders",
                "--key",
                "a-1",
                "--payload",
                "{\"order_id\":\"a-1\",\"amount\":7.25,\"currency\":\"EUR\"}");
        assertThat(produced.code()).as(produced.err() + produced.out()).isZero();
        assertThat(produced.out()).contains("published:     1");

        Cli.Result result =
                cli.run("consume", "--dataset", "orders", "--from-beginning", "--max", "1", "--output", "json");

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode record = jsonLines(result.out()).get(0);
        assertThat(record.get("headers").get("content_type").asText()).isEqualTo("application/avro");
        assertThat(record.get("value_encoding").asText()).isEqualTo("avro");
        JsonNode value = JSON.valueToTree(parse(record.get("value").asText()));
        assertThat(value.get("order_id").asText()).isEqualTo("a-1");
        assertThat(value.get("amount").asDouble()).isEqualTo(7.25);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void givenDeadLetters_thenShowGroupsThemAndReplayRepublishesThoseAValidNewVersionAccepts() throws IOException {
        Files.writeString(
                dir.resolve("in.jsonl"),
                String.join(
                                "\n",
                                "{\"order_id\":\"d-1\",\"amount\":1.0,\"coupon\":\"SPRING\"}",
                                "{\"order_id\":\"d-2\",\"amount\":2.0,\"coupon\":\"SUMMER\"}",
                                "{\"order_id\":\"d-3\",\"amount\":\"three\"}",
                                "{\"order_id\":\"d-4\",\"amount\":4.0}")
                        + "\n");
        Cli.Result produced =
                cli.run("produce", "--dataset", "orders", "--file", "in.jsonl", "--key-field", "order_id");
        assertThat(produced.code()).as(produced.err()).isZero();
        assertThat(produced.out()).contains("published:     1").contains("dead-lettered: 3");

        Cli.Result shown = cli.run("dlq", "show", "--dataset", "orders");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out())
                .contains("3 dead letter(s) in " + cli.dlq("orders"))
                .contains("coupon")
                .contains("amount")
                .contains("key=d-1");

        Cli.Result dlq = cli.run(
                "consume", "--dataset", "orders", "--dlq", "--from-beginning", "--output", "json", "--timeout", "PT3S");
        assertThat(jsonLines(dlq.out()))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.get("headers").has("dlq_reason")).isTrue());
        assertThat(dlq.err()).contains("from " + cli.dlq("orders"));

        Path catalog = dir.resolve("catalog/orders");
        Files.createDirectories(catalog);
        Files.writeString(catalog.resolve("v3.avsc"), """
                {"type":"record","name":"Order","namespace":"io.streamlake.datasets.orders","fields":[
                  {"name":"order_id","type":"string"},{"name":"amount","type":"double"},
                  {"name":"currency","type":["null","string"],"default":null},
                  {"name":"coupon","type":["null","string"],"default":null}]}
                """);
        Cli.Result replayed = cli.run(
                "dlq", "replay", "--dataset", "orders", "--set", "schema.catalog.dir=" + dir.resolve("catalog"));

        assertThat(replayed.code()).as(replayed.err()).isZero();
        assertThat(replayed.out())
                .contains("read:          3")
                .contains("republished:   2")
                .contains("stays:         1")
                .contains("amount")
                .contains("failed:        0");
        Cli.Result raw =
                cli.run("consume", "--dataset", "orders", "--from-beginning", "--output", "json", "--timeout", "PT3S");
        assertThat(jsonLines(raw.out()))
                .extracting(r -> r.get("key").asText())
                .containsExactlyInAnyOrder("d-1", "d-2", "d-4");
        assertThat(jsonLines(raw.out()))
                .filteredOn(r -> r.get("key").asText().equals("d-1"))
                .extracting(r -> r.get("headers").get("schema_version").asText())
                .containsExactly("v3");
    }
}
