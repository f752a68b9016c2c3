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
 * {@code delivery.guarantee=exactly-once} with {@code --resume}: which checkpoint a run continues from, and what it
 * says when there is none.
 */
@StreamLakeIntegrationTest
class CliExactlyOnceResumeTest {

    private static final int LINES = 20;

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;
    private Cli cli;

    @TempDir
    Path dir;

    CliExactlyOnceResumeTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeEach
    void provision() throws IOException {
        cli = new Cli(kafka, registry, dir);
        Cli.Result created = cli.run("topics", "create", "--dataset", "orders", "--partitions", "1");
        assertThat(created.code()).as(created.err()).isZero();
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= LINES; n++) {
            lines.add("{\"order_id\":\"o-" + n + "\",\"amount\":" + n + "}");
        }
        Files.write(dir.resolve("orders.jsonl"), lines, UTF_8);
    }

    private Cli.Result produce(String file, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "produce",
                "--dataset",
                "orders",
                "--file",
                file,
                "--key-field",
                "order_id",
                "--set",
                "delivery.guarantee=exactly-once"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void givenAFileRunThroughASymlink_thenResumeByItsRealNameContinuesFromItsCheckpoint() throws IOException {
        Files.createSymbolicLink(dir.resolve("link.jsonl"), dir.resolve("orders.jsonl"));
        Cli.Result first = produce("link.jsonl");
        assertThat(first.code()).as(first.out() + first.err()).isZero();

        Cli.Result resumed = produce("orders.jsonl", "--resume");

        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.err())
                .contains("resuming orders.jsonl at line " + (LINES + 1) + " ")
                .doesNotContain("no committed checkpoint");
    }

    @Test
    void givenTheResumePointOfAnAtLeastOnceRun_thenResumeInExactlyOnceModeIsRefusedWithExit2() throws IOException {
        Path local = dir.resolve(".streamlake").resolve("orders.jsonl.resume");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "offset=10\n");

        Cli.Result run = produce("orders.jsonl", "--resume");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(local.toString()).contains("at-least-once");
    }

    @Test
    void givenResumeWithoutACheckpoint_thenAWarningNamesTheFileAndTheRunStartsAtLine1() throws IOException {
        Cli.Result run = produce("orders.jsonl", "--resume");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.err())
                .contains("warning: no committed checkpoint for orders.jsonl ("
                        + dir.resolve("orders.jsonl").toRealPath() + ")")
                .contains("starting at line 1");
    }
}
