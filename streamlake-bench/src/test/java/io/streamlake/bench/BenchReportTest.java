package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final Offset<Double> CLOSE = Offset.offset(1e-6);

    private static RunResult run(String label, int pair, long recordsPerSecond, long cpuMicrosPerEvent) {
        return run(label, pair, recordsPerSecond, cpuMicrosPerEvent, OptionalLong.empty(), 1_000);
    }

    private static RunResult run(
            String label,
            int pair,
            long recordsPerSecond,
            long cpuMicrosPerEvent,
            OptionalLong brokerMicrosPerEvent,
            long delivered) {
        long events = 1_000;
        return new RunResult(
                label,
                pair,
                events,
                events,
                delivered,
                events * 1_000_000_000L / recordsPerSecond,
                events * 200,
                1,
                2,
                OptionalLong.empty(),
                OptionalLong.of(cpuMicrosPerEvent * 1_000 * events),
                brokerMicrosPerEvent.isPresent()
                        ? OptionalLong.of(brokerMicrosPerEvent.getAsLong() * 1_000 * events)
                        : OptionalLong.empty(),
                Map.of("batch-size-avg", 30_000.0, "records-per-request-avg", 400.0),
                Optional.empty());
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

        assertThat(report.medianRatio("json", "raw")).hasValueCloseTo(0.6, CLOSE);
        assertThat(report.medianCpuRatio("json", "raw")).hasValueCloseTo(4.0 / 6, CLOSE);
        assertThat(report.ratios()).containsOnlyKeys("json/raw");
        assertThat(report.voidRuns()).isEmpty();
        assertThat(report.table())
                .contains(
                        "client CPU",
                        "json/raw = 0.600",
                        "json/raw = 0.667",
                        "raw 30,000 B / 400",
                        "broker CPU: the bench's own broker process")
                .containsPattern("\njson +3 +120,000 .* 6\\.00 ")
                .doesNotContain("VOID");
    }

    @Test
    void givenBrokerCpu_thenCpuCostRatioCountsClientAndBroker() {
        BenchReport report = new BenchReport(
                BenchOptions.defaults(),
                List.of(
                        run("raw", 0, 100_000, 4, OptionalLong.of(2), 1_000),
                        run("json", 0, 50_000, 8, OptionalLong.of(1), 1_000)),
                Map.of());

        assertThat(report.medianCpuRatio("json", "raw")).hasValueCloseTo(6.0 / 9, CLOSE);
        assertThat(report.median("json", RunResult::brokerCpuMicrosPerEvent)).hasValueCloseTo(1.0, CLOSE);
    }

    @Test
    void givenRunThatLostRecords_thenItIsVoidListedAndLeftOutOfMediansAndRatios() {
        RunResult lost = run("json", 1, 1_000_000, 1, OptionalLong.empty(), 999);
        BenchReport report = new BenchReport(
                BenchOptions.defaults(),
                List.of(run("raw", 0, 100_000, 4), run("json", 0, 50_000, 8), run("raw", 1, 100_000, 4), lost),
                Map.of());

        assertThat(lost.isVoid()).isTrue();
        assertThat(lost.voidReason()).contains("999 of 1,000 records on the topic");
        assertThat(report.voidRuns()).containsExactly(lost);
        assertThat(report.medianRecordsPerSecond("json")).hasValueCloseTo(50_000.0, Offset.offset(1e-3));
        assertThat(report.medianRatio("json", "raw")).hasValueCloseTo(0.5, CLOSE);
        assertThat(report.table())
                .contains("VOID pair 1 json: 999 of 1,000 records on the topic", "1 void run(s)")
                .containsPattern("\njson +1 +50,000 .* 1 void\n");
    }

    @Test
    void givenDuplicatedRecordsOrFailedProcess_thenTheRunIsVoid() {
        RunResult duplicated = run("raw", 0, 100_000, 4, OptionalLong.empty(), 1_001);
        RunResult failed = run("raw", 0, 100_000, 4).withFailure("exited with 1; see x.log");

        assertThat(duplicated.isVoid()).isTrue();
        assertThat(failed.isVoid()).isTrue();
        assertThat(failed.voidReason()).contains("exited with 1; see x.log");
        assertThat(run("raw", 0, 100_000, 4).isVoid()).isFalse();
    }

    @Test
    void givenARawProducerRun_thenItsLineGivesTheFloorAgainstKcatAndProduceAgainstIt() {
        BenchReport report = new BenchReport(
                BenchOptions.defaults(),
                List.of(
                        run(ProcessRun.STREAMLAKE_LABEL, 0, 200_000, 6),
                        run(KcatRun.Mode.LIKE_FOR_LIKE.label(), 0, 400_000, 3),
                        run(ProcessRun.RAW_PRODUCER_LABEL, 0, 250_000, 5)),
                Map.of());

        assertThat(report.ratios())
                .containsOnlyKeys(
                        "cli-file streamlake/cli-file kcat-like",
                        "cli-file streamlake/cli-file raw kafka-clients",
                        "cli-file raw kafka-clients/cli-file kcat-like");
        assertThat(report.table())
                .contains("raw kafka-clients, the same records:  speed / kcat like for like = 0.625"
                        + "  client CPU per event (whole process) = 5.00 us  produce --file speed / raw = 0.800")
                .contains("cli-file raw kafka-clients: a KafkaProducer<byte[], byte[]> alone (RawFileProducer)");
    }

    @Test
    void givenProduceKcatAndConsoleRuns_thenTheHeadlineFiguresArePrinted() {
        Map<String, String> skipped = new java.util.LinkedHashMap<>();
        skipped.put("cli-file kcat", "skipped: reason one");
        skipped.put("cli-file kcat-like", "skipped: reason two");
        BenchReport report = new BenchReport(
                BenchOptions.defaults(),
                List.of(
                        run(ProcessRun.STREAMLAKE_LABEL, 0, 200_000, 8),
                        run(KcatRun.Mode.LIKE_FOR_LIKE.label(), 0, 400_000, 3),
                        run(ProcessRun.ConsoleInput.KEY_VALUE.label(), 0, 250_000, 6),
                        run(KcatRun.Mode.PLAIN.label(), 0, 1_000_000, 1)),
                skipped);

        assertThat(report.ratios())
                .containsOnlyKeys(
                        "cli-file streamlake/cli-file kcat-like",
                        "cli-file streamlake/cli-file console key+value",
                        "cli-file streamlake/cli-file kcat");
        assertThat(report.table())
                .contains(
                        "produce --file:  speed / kcat like for like = 0.500"
                                + "  speed / ConsoleProducer key+value = 0.800"
                                + "  client CPU per event (whole process) = 8.00 us",
                        "cli-file kcat-like: kcat sending the same key and value",
                        "compression.codec=lz4",
                        "cli-file kcat: skipped: reason one\ncli-file kcat-like: skipped: reason two");
    }

    @Test
    void givenNoCpuTimes_thenNoCpuLines() {
        RunResult raw = new RunResult("raw", 0, 10, 10, 1_000, 2_000, 1, 2, OptionalLong.empty());
        BenchReport report = new BenchReport(BenchOptions.defaults(), List.of(raw), Map.of());

        assertThat(report.medianCpuRatio("raw", "raw")).isEmpty();
        assertThat(report.table()).doesNotContain("CPU-cost").doesNotContain("broker CPU:");
    }

    @Test
    void givenAvroAndJsonProduceRunsInTheSamePairs_thenTheAvroRatioAndItsCpuArePrinted() {
        BenchReport report = new BenchReport(
                BenchOptions.defaults(),
                List.of(
                        run(ProcessRun.AVRO_LABEL, 0, 180_000, 6),
                        run(ProcessRun.STREAMLAKE_LABEL, 0, 200_000, 5),
                        run(ProcessRun.STREAMLAKE_LABEL, 1, 100_000, 5),
                        run(ProcessRun.AVRO_LABEL, 1, 80_000, 7)),
                Map.of());

        assertThat(report.ratios()).containsOnlyKeys("cli-file avro/cli-file streamlake");
        assertThat(report.medianRatio(ProcessRun.AVRO_LABEL, ProcessRun.STREAMLAKE_LABEL))
                .hasValueCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.table())
                .contains(
                        "produce --file --serialization avro:  speed / JSON produce --file = 0.850"
                                + "  client CPU per event (whole process) = 6.50 us",
                        "cli-file avro: streamlake produce --file of the same JSON lines with --serialization avro"
                                + " and the in-memory registry mock://bench");
    }

    @Test
    void givenOnlyJsonProduceRuns_thenNoAvroLine() {
        BenchReport report = new BenchReport(
                BenchOptions.defaults(), List.of(run(ProcessRun.STREAMLAKE_LABEL, 0, 200_000, 5)), Map.of());

        assertThat(report.table()).doesNotContain("--serialization avro");
    }
}
