package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static RunResult run(String label, int pair, long recordsPerSecond, long cpuMicrosPerEvent) {
        long events = 1_000;
        return new RunResult(
                label,
                pair,
                events,
                events,
                events * 1_000_000_000L / recordsPerSecond,
                events * 200,
                1,
                2,
                OptionalLong.empty(),
                OptionalLong.of(cpuMicrosPerEvent * 1_000 * events),
                Map.of("batch-size-avg", 30_000.0, "records-per-request-avg", 400.0));
    }

    @Test
    void givenPairsSideBySide_thenRatiosAreMediansOfEachPairsOwnRatio() {
        BenchReport report = new BenchReport(
                BenchOptions.defaults(),
                List.of(
                        run("raw", 0, 100_000, 4), run("json", 0, 50_000, 8),
                        run("raw", 1, 300_000, 4), run("json", 1, 240_000, 5),
                        run("raw", 2, 200_000, 4), run("json", 2, 120_000, 6)),
                Map.of());

        assertThat(report.medianRatio("json", "raw")).hasValueCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.medianCpuRatio("json", "raw"))
                .hasValueCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.ratios()).containsOnlyKeys("json/raw");
        assertThat(report.table())
                .contains(
                        "CPU per event",
                        "raw 4.00",
                        "json 6.00",
                        "json/raw = 0.600",
                        "json/raw = 0.667",
                        "raw 30,000 B / 400");
    }

    @Test
    void givenNoCpuTimes_thenNoCpuLines() {
        RunResult raw = new RunResult("raw", 0, 10, 10, 1_000, 2_000, 1, 2, OptionalLong.empty());
        BenchReport report = new BenchReport(BenchOptions.defaults(), List.of(raw), Map.of());

        assertThat(report.medianCpuRatio("raw", "raw")).isEmpty();
        assertThat(report.table()).doesNotContain("CPU");
    }
}
