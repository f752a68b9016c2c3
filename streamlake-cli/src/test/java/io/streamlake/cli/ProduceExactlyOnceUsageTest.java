package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delivery.guarantee=exactly-once} refuses, with exit 2 and one line naming the setting, what it cannot re-read
 * from a checkpoint or deliver exactly once, before anything is sent (the cluster here is unreachable).
 */
class ProduceExactlyOnceUsageTest {

    @TempDir
    Path dir;

    private CliRunner.Result produce(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "produce",
                "--dataset",
                "orders",
                "--bootstrap-servers",
                "127.0.0.1:1",
                "--set",
                "connect.check.timeout.ms=2000",
                "--set",
                "delivery.guarantee=exactly-once"));
        all.addAll(List.of(args));
        return new CliRunner(dir).run(all.toArray(String[]::new));
    }

    @Test
    void givenStdin_thenExit2SayingItCannotBeReReadFromACheckpoint() {
        CliRunner.Result result = produce("--file", "-", "--key-field", "order_id");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip())
                .isEqualTo("error: delivery.guarantee=exactly-once needs --file PATH: standard input cannot be re-read "
                        + "from a checkpoint");
    }

    @Test
    void givenPayload_thenExit2NamingTheSetting() {
        CliRunner.Result result = produce("--key", "k", "--payload", "{\"order_id\":\"k\",\"amount\":1.0}");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("delivery.guarantee=exactly-once applies to produce --file PATH");
    }

    @Test
    void givenFailedFile_thenExit2SayingThereIsNoReRunFile() throws IOException {
        Files.writeString(dir.resolve("orders.jsonl"), "{\"order_id\":\"k\",\"amount\":1.0}\n");

        CliRunner.Result result = produce("--file", "orders.jsonl", "--failed-file", "failed.jsonl");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("--failed-file does not apply with delivery.guarantee=exactly-once");
    }

    @Test
    void givenADirectory_thenExit2() throws IOException {
        Files.createDirectory(dir.resolve("data"));

        CliRunner.Result result = produce("--file", "data");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("--file data is a directory");
    }

    @Test
    void givenTheStdoutTransport_thenExit2NamingDeliveryGuaranteeAndTransport() throws IOException {
        Files.writeString(dir.resolve("orders.jsonl"), "{\"order_id\":\"k\",\"amount\":1.0}\n");

        CliRunner.Result result = produce("--file", "orders.jsonl", "--transport", "stdout");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .contains("delivery.guarantee=exactly-once needs transport=kafka")
                .contains("transport='stdout'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenResumeWithNoBrokerAnswering_thenExit1NamingTheBrokerWithinTheConnectCheck() throws IOException {
        Files.writeString(dir.resolve("orders.jsonl"), "{\"order_id\":\"k\",\"amount\":1.0}\n");
        long started = System.nanoTime();

        CliRunner.Result result = produce("--file", "orders.jsonl", "--key-field", "order_id", "--resume");

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("127.0.0.1:1");
        // the checkpoint is read only once the cluster answered: connect.check.timeout.ms, not max.block.ms (60 s)
        assertThat(tookMs).as("ms until exit").isLessThan(30_000);
    }
}
