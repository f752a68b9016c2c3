package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small-N run of {@code streamlake bench} so the command keeps working; no timing is asserted. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void givenSmallRunOnEmbeddedBroker_thenEveryScenarioIsReportedWithRatiosAndExitZero() {
        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "bench",
                        "--events",
                        "2000",
                        "--pairs",
                        "1",
                        "--scenarios",
                        "raw,json,avro,flush-per-event",
                        "--warmup-events",
                        "0",
                        "--flush-events",
                        "50",
                        "--work-dir",
                        dir.resolve("bench").toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "\nraw ",
                        "\njson ",
                        "\navro ",
                        "\nflush-per-event ",
                        "json/raw",
                        "avro/raw",
                        "json/flush-per-event",
                        "broker CPU: the bench's own broker process");
    }

    @Test
    void givenBrokerPidWithoutBootstrapServers_thenUsageErrorSaysItNeedsThem() {
        CliRunner.Result result = new CliRunner(dir).run("bench", "--broker-pid", "4242");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--broker-pid", "--bootstrap-servers");
    }

    @Test
    void givenUnknownScenario_thenUsageErrorNamingIt() {
        CliRunner.Result result = new CliRunner(dir).run("bench", "--scenarios", "raw,Z");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("'Z'");
    }

    @Test
    void givenScenarioLetters_thenUsageErrorNamingTheValidNames() {
        CliRunner.Result result = new CliRunner(dir).run("bench", "--scenarios", "A,B");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "unknown scenario 'A'",
                        "raw,json,avro,flush-per-event,cli-file,cli-file-exactly-once,cli-file-avro,connect-file");
    }
}
