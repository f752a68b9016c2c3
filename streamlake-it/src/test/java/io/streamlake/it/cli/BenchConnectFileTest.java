package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.bench.BenchOptions;
import io.streamlake.bench.BenchReport;
import io.streamlake.bench.BenchRunner;
import io.streamlake.bench.RunResult;
import io.streamlake.bench.Scenario;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's {@code connect-file} scenario on a real Connect worker with the plugin zip: in one pair, the connector
 * with 1, 2 and 4 tasks and {@code streamlake produce --file} (a process) each write every line of the same file. No
 * timing assertion.
 */
class BenchConnectFileTest {

    @TempDir
    Path dir;

    @Test
    void givenTheConnectFileScenario_thenEachTaskCountAndProduceWriteEveryLine() {
        System.setProperty(
                "streamlake.connect.plugin.path", ConnectPlugin.pluginPath().toString());
        try {
            BenchOptions options = BenchOptions.defaults()
                    .withScenarios(EnumSet.of(Scenario.CONNECT_FILE))
                    .withEvents(3_000)
                    .withPairs(1)
                    .withWarmupEvents(500)
                    .withPartitions(3)
                    .withWorkDirectory(dir)
                    .withCliCommand(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "io.streamlake.cli.Main"));

            BenchReport report = BenchRunner.run(options);

            assertThat(report.skipped()).isEmpty();
            assertThat(report.labels())
                    .containsExactly(
                            "connect-file produce",
                            "connect-file 1 task",
                            "connect-file 2 tasks",
                            "connect-file 4 tasks");
            assertThat(report.runs())
                    .allSatisfy(r -> assertThat(r.acknowledged()).isEqualTo(3_000));
            assertThat(report.runs()).extracting(RunResult::events).containsOnly(3_000L);
            assertThat(report.ratios()).containsKeys("connect-file 4 tasks/connect-file produce");
        } finally {
            System.clearProperty("streamlake.connect.plugin.path");
        }
    }
}
