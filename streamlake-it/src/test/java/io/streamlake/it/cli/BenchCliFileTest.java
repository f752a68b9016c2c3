package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.bench.BenchOptions;
import io.streamlake.bench.BenchReport;
import io.streamlake.bench.BenchRunner;
import io.streamlake.bench.RunResult;
import io.streamlake.bench.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's {@code cli-file} scenario end to end, in one small pair: {@code streamlake produce --file} (a process),
 * the raw kafka-clients producer on the same lines, ConsoleProducer with key and value and with key and headers, and kcat like for like and plain when kcat is on the
 * PATH; and the same with kcat named at a path where there is none, whose runs are then skipped with a line saying so.
 * Every run delivers every line and has its client and broker CPU measured. No timing assertion.
 */
class BenchCliFileTest {

    private static final int EVENTS = 500;

    @TempDir
    Path dir;

    private BenchOptions options(String kcat) {
        return BenchOptions.defaults()
                .withScenarios(EnumSet.of(Scenario.CLI_FILE))
                .withEvents(EVENTS)
                .withPairs(1)
                .withWarmupEvents(0)
                .withPartitions(3)
                .withWorkDirectory(dir)
                .withProcessJvmArgs(List.of("-Xmx256m"))
                .withKcat(kcat)
                .withCliCommand(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.streamlake.cli.Main"));
    }

    @Test
    void givenKcatOnThePath_thenEveryProcessRunDeliversEveryLineWithItsCpuMeasured() {
        boolean kcatPresent = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "kcat")));

        BenchReport report = BenchRunner.run(options(BenchOptions.DEFAULT_KCAT));

        List<String> expected = kcatPresent
                ? List.of(
                        "cli-file streamlake",
                        "cli-file kcat-like",
                        "cli-file raw kafka-clients",
                        "cli-file console key+value",
                        "cli-file console",
                        "cli-file kcat")
                : List.of(
                        "cli-file streamlake",
                        "cli-file raw kafka-clients",
                        "cli-file console key+value",
                        "cli-file console");
        assertThat(report.labels()).containsExactlyElementsOf(expected);
        assertEveryRunDeliveredWithCpu(report);
        if (kcatPresent) {
            assertThat(report.skipped()).isEmpty();
            assertThat(report.ratios())
                    .containsKeys(
                            "cli-file streamlake/cli-file kcat-like",
                            "cli-file streamlake/cli-file console key+value",
                            "cli-file streamlake/cli-file console",
                            "cli-file streamlake/cli-file raw kafka-clients",
                            "cli-file raw kafka-clients/cli-file kcat-like");
            assertThat(report.table())
                    .contains("produce --file:  speed / kcat like for like = ")
                    .contains("raw kafka-clients, the same records:  speed / kcat like for like = ");
        } else {
            assertThat(report.skipped()).containsKeys("cli-file kcat", "cli-file kcat-like");
        }
    }

    @Test
    void givenKcatPathWithoutKcat_thenItsRunsAreSkippedWithALineAndTheOthersRun() {
        String missing = dir.resolve("no-such-dir").resolve("kcat").toString();

        BenchReport report = BenchRunner.run(options(missing));

        assertThat(report.labels())
                .containsExactly(
                        "cli-file streamlake",
                        "cli-file raw kafka-clients",
                        "cli-file console key+value",
                        "cli-file console");
        assertEveryRunDeliveredWithCpu(report);
        assertThat(report.skipped()).containsOnlyKeys("cli-file kcat", "cli-file kcat-like");
        assertThat(report.table())
                .contains("cli-file kcat: skipped: kcat not found (" + missing)
                .contains("cli-file kcat-like: skipped: kcat not found (" + missing);
    }

    private static void assertEveryRunDeliveredWithCpu(BenchReport report) {
        assertThat(report.voidRuns()).isEmpty();
        assertThat(report.runs()).allSatisfy(r -> {
            assertThat(r.delivered()).as(r.label()).isEqualTo(EVENTS);
            assertThat(r.cpuNanos()).as(r.label()).isPresent();
            assertThat(r.brokerCpuNanos()).as(r.label()).isPresent();
            assertThat(r.peakRssKb()).as(r.label()).isPresent();
        });
        assertThat(report.runs()).extracting(RunResult::events).containsOnly((long) EVENTS);
    }
}
