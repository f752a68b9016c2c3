package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delivery.guarantee=exactly-once} with producer settings a transactional producer cannot honour: exit 2 and
 * one line naming the key, before anything is sent.
 */
@StreamLakeIntegrationTest
class CliExactlyOnceSettingsTest {

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;
    private Cli cli;

    @TempDir
    Path dir;

    CliExactlyOnceSettingsTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeEach
    void provision() throws IOException {
        cli = new Cli(kafka, registry, dir);
        Cli.Result created = cli.run("topics", "create", "--dataset", "orders", "--partitions", "1");
        assertThat(created.code()).as(created.err()).isZero();
        Files.write(dir.resolve("orders.jsonl"), List.of("{\"order_id\":\"o-1\",\"amount\":1}"), UTF_8);
    }

    private Cli.Result produce(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "produce",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--set",
                "delivery.guarantee=exactly-once",
                "--set",
                "unsafe.producer.settings.allowed=true"));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void givenAcks1_thenExit2NamingAcks() {
        Cli.Result run = produce("acks=1");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("acks=all").contains("'1'");
    }

    @Test
    void givenIdempotenceOff_thenExit2NamingEnableIdempotence() {
        Cli.Result run = produce("enable.idempotence=false");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("enable.idempotence=true");
    }

    @Test
    void givenAUserTransactionalId_thenExit2NamingIt() {
        Cli.Result run = produce("kafka.transactional.id=mine");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("kafka.transactional.id").contains("cannot be overridden");
    }

    @Test
    void givenTransactionMaxMsNotBelowTheTransactionTimeout_thenExit2NamingBoth() {
        Cli.Result run = produce("transaction.max.ms=30000", "kafka.transaction.timeout.ms=20000");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("transaction.max.ms=30000").contains("kafka.transaction.timeout.ms=20000");
    }
}
