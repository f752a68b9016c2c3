package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestStreamUseCase;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Lifecycle;
import io.streamlake.runtime.StreamLakeModule;
import io.streamlake.runtime.Transports;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.config.SettingsLoader;
import io.streamlake.runtime.metrics.IngestionCounts;
import io.streamlake.runtime.metrics.MicrometerIngestionMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The produce summary's numbers are the run's Micrometer metrics; the RAW acknowledgement timer has counts. */
class ProduceMetricsTest {

    /** 5 valid, 2 malformed (parse), 3 failing the schema (validate). */
    private static final List<String> MIXED = List.of(
            "{\"order_id\":\"o-1\",\"amount\":1}",
            "{\"order_id\":\"o-2\",\"amount\":2}",
            "not json",
            "{\"order_id\":\"o-3\",\"amount\":\"lots\"}",
            "{\"order_id\":\"o-4\",\"amount\":4}",
            "{\"order_id\":",
            "{\"order_id\":\"o-5\",\"amount\":5}",
            "{\"order_id\":\"o-6\",\"amount\":[]}",
            "{\"order_id\":\"o-7\",\"amount\":7}",
            "{\"order_id\":\"o-8\",\"amount\":{}}");

    @TempDir
    Path dir;

    @Test
    void givenAMixedFile_thenTheJsonSummaryShowsTheCountersAndTheAckLatency() throws IOException {
        Files.write(dir.resolve("mixed.jsonl"), MIXED, StandardCharsets.UTF_8);

        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "stdout",
                        "--dataset",
                        "orders",
                        "--key-field",
                        "order_id",
                        "--file",
                        "mixed.jsonl",
                        "--output",
                        "json");

        assertThat(result.code()).as(result.err()).isZero();
        String summaryLine = result.err()
                .lines()
                .filter(l -> l.startsWith("{\"published\""))
                .findFirst()
                .orElseThrow();
        JsonNode summary = new ObjectMapper().readTree(summaryLine);
        assertThat(summary.get("published").asLong()).isEqualTo(5);
        assertThat(summary.get("dead_lettered").asLong()).isEqualTo(5);
        assertThat(summary.get("dead_lettered_by_stage").get("parse").asLong()).isEqualTo(2);
        assertThat(summary.get("dead_lettered_by_stage").get("validate").asLong())
                .isEqualTo(3);
        assertThat(summary.get("failed").asLong()).isZero();
        assertThat(summary.get("ack_latency_p50_ms").isNumber()).isTrue();
        assertThat(summary.get("ack_latency_p99_ms").asDouble())
                .isGreaterThanOrEqualTo(summary.get("ack_latency_p50_ms").asDouble());
    }

    @Test
    void givenAMixedFile_thenTheTextSummaryShowsTheAckLatency() throws IOException {
        Files.write(dir.resolve("mixed.jsonl"), MIXED, StandardCharsets.UTF_8);

        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "stdout",
                        "--dataset",
                        "orders",
                        "--key-field",
                        "order_id",
                        "--file",
                        "mixed.jsonl");

        assertThat(result.err())
                .contains("published:     5")
                .contains("dead-lettered: 5")
                .containsPattern("ack latency:   p50 \\d+\\.\\d ms, p99 \\d+\\.\\d ms");
    }

    @Test
    void givenTheWiring_thenTheRegistryCountsWhatTheUseCaseReports() {
        Settings settings = new SettingsLoader(Transports.discover().configSections())
                .flags(Map.of("transport", "stdout"))
                .load();
        Injector injector = Guice.createInjector(new StreamLakeModule(
                settings,
                new ConsoleStreams(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false),
                Transports.discover()));
        DatasetName orders = DatasetName.of("orders");
        try {
            BatchSummary summary = injector.getInstance(IngestStreamUseCase.class)
                    .ingestAll(
                            MIXED.stream()
                                    .map(line -> new IngestCommand(
                                            orders,
                                            null,
                                            "order_id",
                                            line.getBytes(StandardCharsets.UTF_8),
                                            Optional.empty(),
                                            Optional.empty(),
                                            Map.of()))
                                    .iterator(),
                            r -> {});

            MeterRegistry registry = injector.getInstance(MeterRegistry.class);
            IngestionCounts counts = IngestionCounts.read(registry, orders);
            assertThat(counts.published()).isEqualTo(summary.published()).isEqualTo(5);
            assertThat(counts.deadLetteredByStage())
                    .isEqualTo(summary.deadLetteredByStage())
                    .containsEntry(DlqStage.PARSE, 2L);
            assertThat(counts.failed()).isEqualTo(summary.failed());
            assertThat(registry.get(MicrometerIngestionMetrics.LATENCY).timer().count())
                    .isEqualTo(5);
            assertThat(registry.get(MicrometerIngestionMetrics.DEAD_LETTERED)
                            .tag("stage", "parse")
                            .counters())
                    .allSatisfy(c -> assertThat(c.getId().getTag("error_class")).isNotBlank());
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
