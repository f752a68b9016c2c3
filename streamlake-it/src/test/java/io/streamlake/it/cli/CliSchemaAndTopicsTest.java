package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schema list | register | check against the real registry; topics create on the real broker. */
@StreamLakeIntegrationTest
class CliSchemaAndTopicsTest {

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;

    @TempDir
    Path dir;

    CliSchemaAndTopicsTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @Test
    void givenTheCatalog_thenRegisterListAndCheckAgreeWithTheRegistry() throws IOException {
        Cli cli = new Cli(kafka, registry, dir);
        String subject = cli.raw("orders") + "-value";

        Cli.Result before = cli.run("schema", "list", "--dataset", "orders");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("orders v1").contains(subject).contains("not registered");

        Cli.Result registered = cli.run("schema", "register", "--dataset", "orders");
        assertThat(registered.code()).as(registered.err()).isZero();
        assertThat(registered.out())
                .contains("orders v1 -> subject " + subject + ": registered as id")
                .contains("orders v2 -> subject " + subject + ": registered as id");

        Cli.Result after = cli.run("schema", "list", "--dataset", "orders");
        assertThat(after.out()).contains("registered: version 1").contains("registered: version 2");

        Cli.Result check = cli.run("schema", "check", "--dataset", "orders", "--version", "v2");
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("orders v2 -> subject " + subject + ": registered as id");

        Path catalog = dir.resolve("catalog/orders");
        Files.createDirectories(catalog);
        Files.writeString(catalog.resolve("v3.avsc"), """
                {"type":"record","name":"Order","namespace":"io.streamlake.datasets.orders","fields":[
                  {"name":"order_id","type":"string"},{"name":"amount","type":"double"},
                  {"name":"currency","type":["null","string"],"default":null},
                  {"name":"warehouse","type":"string"}]}
                """);
        Cli.Result incompatible = cli.run(
                "schema", "check", "--dataset", "orders", "--set", "schema.catalog.dir=" + dir.resolve("catalog"));
        assertThat(incompatible.code()).isEqualTo(1);
        assertThat(incompatible.out()).contains("orders v3").contains("INCOMPATIBLE");
    }

    @Test
    void givenAnUnknownDataset_thenSchemaRegisterExitsTwoNamingIt() {
        Cli.Result result = new Cli(kafka, registry, dir).run("schema", "register", "--dataset", "nothing-here");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("nothing-here");
    }

    @Test
    void givenAnUnreachableRegistry_thenOneLineNamingIt() {
        Cli.Result result = new Cli(kafka, registry, dir)
                .runRaw(
                        "schema",
                        "list",
                        "--schema-registry-url",
                        "http://127.0.0.1:1/apis/ccompat/v7",
                        "--set",
                        "schema.registry.retries=0");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("127.0.0.1:1");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void givenTopicSettings_thenTopicsCreateAppliesThemAndIsIdempotent() throws Exception {
        Cli cli = new Cli(kafka, registry, dir);

        Cli.Result created = cli.run(
                "topics",
                "create",
                "--dataset",
                "payments",
                "--partitions",
                "4",
                "--replication-factor",
                "1",
                "--min-insync-replicas",
                "1",
                "--dlq-retention-ms",
                "3600000");
        Cli.Result again = cli.run("topics", "create", "--dataset", "payments", "--partitions", "4");

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out())
                .contains("created " + cli.raw("payments"))
                .contains("created " + cli.dlq("payments"))
                .contains("4 partition(s)");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("exists  " + cli.raw("payments"));
        try (Admin admin = kafka.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            Set.of(cli.raw("payments"), cli.dlq("payments")))
                    .allTopicNames()
                    .get();
            assertThat(topics.values())
                    .allSatisfy(t -> assertThat(t.partitions()).hasSize(4));
            ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, cli.dlq("payments"));
            assertThat(admin.describeConfigs(Set.of(dlq))
                            .all()
                            .get()
                            .get(dlq)
                            .get("retention.ms")
                            .value())
                    .isEqualTo("3600000");
        }
    }
}
