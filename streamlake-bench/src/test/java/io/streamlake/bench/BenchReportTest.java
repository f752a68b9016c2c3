package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static RunResult run(String label, int pair, long recordsPerSecond, long cpuMicrosPerEvent) {
        long events = 1_000;
        return new RunResult(label, pair, events, events, events * 1_000_000_000L / recordsPerSecond, events * 200, 1, 2,
                OptionalLong.empty(), OptionalLong.of(cpuMicrosPerEvent * 1_000 * events),
                Map.of("batch-size-avg", 30_000.0, "records-per-request-avg", 400.0));
    }

    @Test
    void givenPairsSideBySide_thenRatiosAreMediansOfEachPairsOwnRatio() {
        BenchReport report = new BenchReport(BenchOptions.defaults(), List.of(
                run("A", 0, 100_000, 4), run("B", 0, 50_000, 8),
                run("A", 1, 300_000, 4), run("B", 1, 240_000, 5),
                run("A", 2, 200_000, 4), run("B", 2, 120_000, 6)), Map.of());

        assertThat(report.medianRatio("B", "A")).hasValueCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.medianCpuRatio("B", "A")).hasValueCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.table()).contains("CPU per event", "A 4.00", "B 6.00", "B/A = 0.667", "A 30,000 B / 400");
    }

    @Test
    void givenNoCpuTimes_thenNoCpuLines() {
        RunResult a = new RunResult("A", 0, 10, 10, 1_000, 2_000, 1, 2, OptionalLong.empty());
        BenchReport report = new BenchReport(BenchOptions.defaults(), List.of(a), Map.of());

        assertThat(report.medianCpuRatio("A", "A")).isEmpty();
        assertThat(report.table()).doesNotContain("CPU");
    }
}
