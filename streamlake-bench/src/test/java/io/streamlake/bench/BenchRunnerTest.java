package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** A small-N run of the whole bench on the embedded broker and the mock:// registry, so it keeps working. No timing. */
class BenchRunnerTest {

    @Test
    void givenSmallRunOnEmbeddedBroker_thenEveryScenarioReportsEveryEventAcknowledged() {
        Path work = Path.of(System.getProperty("streamlake.bench.workdir", "target"), "bench-smoke");
        BenchOptions options = BenchOptions.defaults().withEvents(2_000).withPairs(1).withWarmupEvents(500)
                .withFlushEveryEvents(200).withPartitions(3).withWorkDirectory(work)
                .withScenarios(EnumSet.of(Scenario.A, Scenario.B, Scenario.C, Scenario.D, Scenario.E));

        BenchReport report = BenchRunner.run(options);

        assertThat(report.labels()).containsExactly("A", "B", "C", "D");
        for (String label : report.labels()) {
            assertThat(report.runsOf(label)).singleElement().satisfies(r -> {
                assertThat(r.events()).isEqualTo(label.equals("D") ? 200 : 2_000);
                assertThat(r.acknowledged()).isEqualTo(r.events());
                assertThat(r.recordsPerSecond()).isPositive();
                assertThat(r.p99Micros()).isGreaterThanOrEqualTo(r.p50Micros()).isPositive();
                assertThat(r.cpuMicrosPerEvent()).isPresent();
                assertThat(r.cpuMicrosPerEvent().getAsDouble()).isPositive();
                assertThat(r.batching()).containsKeys("batch-size-avg", "records-per-request-avg");
            });
        }
        assertThat(report.ratios()).containsOnlyKeys("B/A", "C/A", "B/D");
        assertThat(report.skipped()).containsKey("E");
        assertThat(report.table()).contains("B/A", "records/s", "E: skipped: CLI jar not built", "CPU per event",
                "CPU-cost ratios", "producer batches");
    }
}
