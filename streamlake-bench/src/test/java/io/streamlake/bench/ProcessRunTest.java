package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E's baseline half: Kafka's ConsoleProducer, as a child process, on a JSON Lines file. No timing assertion. */
class ProcessRunTest {

    @Test
    void givenJsonLinesFile_thenConsoleProducerProcessWritesEveryLineAndReportsItsPeakRss() throws Exception {
        Path work = Path.of(System.getProperty("streamlake.bench.workdir", "target"), "process-smoke");
        BenchOptions options = BenchOptions.defaults().withPartitions(2).withWorkDirectory(work);
        Workload workload = new Workload(500, 200);
        Path file = workload.writeJsonLines(work.resolve("orders-500.jsonl"), 500);
        try (BenchCluster cluster = BenchCluster.open(options)) {
            RunResult result = ProcessRun.console(cluster, file, 500, 0, List.of("-Xmx128m"), work.resolve("logs"));

            assertThat(result.label()).isEqualTo("E console");
            assertThat(result.acknowledged()).isEqualTo(500);
            assertThat(result.payloadBytes()).isEqualTo(500L * 200);
            assertThat(result.peakRssKb()).isPresent();
            assertThat(result.peakRssKb().getAsLong()).isPositive();
        }
    }
}
