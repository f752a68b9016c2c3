package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dlq replay remembers, in a consumer group per dataset, what earlier replays handled; on the real broker. */
@StreamLakeIntegrationTest
class CliReplayRemembersTest {

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;
    private Cli cli;

    @TempDir
    Path dir;

    CliReplayRemembersTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeEach
    void deadLetterThreeOrdersThenFixTheSchema() throws IOException {
        cli = new Cli(kafka, registry, dir);
        Cli.Result created = cli.run("topics", "create", "--dataset", "orders", "--partitions", "2");
        assertThat(created.code()).as(created.err()).isZero();
        Files.writeString(
                dir.resolve("in.jsonl"),
                String.join(
                                "\n",
                                "{\"order_id\":\"d-1\",\"amount\":1.0,\"coupon\":\"SPRING\"}",
                                "{\"order_id\":\"d-2\",\"amount\":2.0,\"coupon\":\"SUMMER\"}",
                                "{\"order_id\":\"d-3\",\"amount\":\"three\"}")
                        + "\n");
        Cli.Result produced =
                cli.run("produce", "--dataset", "orders", "--file", "in.jsonl", "--key-field", "order_id");
        assertThat(produced.code()).as(produced.err()).isZero();
        assertThat(produced.out()).contains("dead-lettered: 3");
        Path catalog = dir.resolve("catalog/orders");
        Files.createDirectories(catalog);
        Files.writeString(catalog.resolve("v3.avsc"), """
                {"type":"record","name":"Order","namespace":"io.streamlake.datasets.orders","fields":[
                  {"name":"order_id","type":"string"},{"name":"amount","type":"double"},
                  {"name":"currency","type":["null","string"],"default":null},
                  {"name":"coupon","type":["null","string"],"default":null}]}
                """);
    }

    private Cli.Result replay(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "dlq", "replay", "--dataset", "orders", "--set", "schema.catalog.dir=" + dir.resolve("catalog")));
        args.addAll(List.of(extra));
        Cli.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.code()).as(result.err()).isZero();
        return result;
    }

    private long rawCount() {
        Cli.Result raw =
                cli.run("consume", "--dataset", "orders", "--from-beginning", "--output", "json", "--timeout", "PT3S");
        return raw.out().lines().filter(l -> l.startsWith("{")).count();
    }

    @Test
    void givenReplayedOnce_thenTheSecondReplayRepublishesNothingAndReportsThemSkipped() {
        Cli.Result first = replay();
        assertThat(first.out())
                .contains("read:          3")
                .contains("skipped:       0 already replayed")
                .contains("republished:   2")
                .contains("stays:         1");
        assertThat(rawCount()).isEqualTo(2);

        Cli.Result second = replay();

        String group = "streamlake-replay." + cli.prefix() + ".orders";
        assertThat(second.out())
                .contains("read:          0")
                .contains("skipped:       3 already replayed (consumer group " + group)
                .contains("republished:   0");
        assertThat(rawCount()).as("nothing republished the second time").isEqualTo(2);
        assertThat(committed(group).values().stream()
                        .mapToLong(OffsetAndMetadata::offset)
                        .sum())
                .as("the group's offsets cover all three dead letters")
                .isEqualTo(3);
    }

    @Test
    void givenReplayedOnce_thenFromBeginningReadsEveryDeadLetterAgain() {
        replay();

        Cli.Result again = replay("--from-beginning");

        assertThat(again.out())
                .contains("read:          3")
                .contains("skipped:       0 already replayed")
                .contains("republished:   2")
                .contains("stays:         1");
        assertThat(replay().out()).contains("read:          0").contains("skipped:       3 already replayed");
    }

    @Test
    void givenDlqShown_thenItNeitherUsesNorCommitsTheReplayGroup() {
        Cli.Result shown = cli.run("dlq", "show", "--dataset", "orders");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(committed("streamlake-replay." + cli.prefix() + ".orders")).isEmpty();

        assertThat(replay().out()).contains("read:          3");
        assertThat(cli.run("dlq", "show", "--dataset", "orders").out())
                .as("show still shows every dead letter")
                .contains("3 dead letter(s) in " + cli.dlq("orders"));
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
        } catch (Exception e) {
            throw new AssertionError("cannot list the offsets of group " + group, e);
        }
    }
}
