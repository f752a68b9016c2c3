package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * A small-N run of the whole bench on its own broker process and the mock:// registry, so it keeps working. No timing.
 * {@code cli-file} needs the CLI, which this module does not have: streamlake-it's {@code BenchCliFileTest} runs it,
 * with kcat and without.
 */
class BenchRunnerTest {

    @Test
    void givenSmallRunOnEmbeddedBroker_thenEveryScenarioReportsEveryEventAcknowledged() {
        Path work = Path.of(System.getProperty("streamlake.bench.workdir", "target"), "bench-smoke");
        BenchOptions options = BenchOptions.defaults()
                .withEvents(2_000)
                .withPairs(1)
                .withWarmupEvents(500)
                .withFlushEveryEvents(200)
                .withPartitions(3)
                .withWorkDirectory(work)
                .withScenarios(EnumSet.allOf(Scenario.class));

        BenchReport report = BenchRunner.run(options);

        assertThat(report.labels()).containsExactly("raw", "json", "avro", "flush-per-event");
        for (String label : report.labels()) {
            assertThat(report.runsOf(label)).singleElement().satisfies(r -> {
                assertThat(r.events()).isEqualTo(label.equals("flush-per-event") ? 200 : 2_000);
                assertThat(r.acknowledged()).isEqualTo(r.events());
                assertThat(r.delivered()).isEqualTo(r.events());
                assertThat(r.isVoid()).isFalse();
                assertThat(r.brokerCpuMicrosPerEvent()).isPresent();
                assertThat(r.brokerCpuMicrosPerEvent().getAsDouble()).isPositive();
                assertThat(r.recordsPerSecond()).isPositive();
                assertThat(r.p99Micros()).isGreaterThanOrEqualTo(r.p50Micros()).isPositive();
                assertThat(r.cpuMicrosPerEvent()).isPresent();
                assertThat(r.cpuMicrosPerEvent().getAsDouble()).isPositive();
                assertThat(r.batching()).containsKeys("batch-size-avg", "records-per-request-avg");
            });
        }
        assertThat(report.ratios()).containsOnlyKeys("json/raw", "avro/raw", "json/flush-per-event");
        assertThat(report.skipped()).containsKeys("cli-file", "cli-file-exactly-once", "cli-file-avro");
        assertThat(report.voidRuns()).isEmpty();
        assertThat(report.table())
                .contains(
                        "json/raw",
                        "records/s",
                        "cli-file: skipped: CLI jar not built",
                        "(flush-per-event: 200)",
                        "client CPU",
                        "broker CPU: the bench's own broker process",
                        "CPU-cost ratios",
                        "producer batches");
    }
}
