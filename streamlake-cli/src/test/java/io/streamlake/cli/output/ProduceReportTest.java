package io.streamlake.cli.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventRef;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.SchemaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProduceReportTest {

    @TempDir
    Path dir;

    @Test
    void givenInFlightTakenByAStopThenTheirFailureArrives_thenEachLineIsInTheRerunFileOnceAndCountedOnce()
            throws IOException {
        ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"));
        byte[] line = "{\"order_id\":\"o-1\"}".getBytes(UTF_8);
        report.sent(line);

        for (byte[] unknown : report.freezeInFlight()) {
            report.rerun(unknown);
        }
        report.accept(new IngestionResult.Failed(
                new EventRef(DatasetName.of("orders"), "o-1", "id-1", line), "timed out", true, null));
        report.finish();

        assertThat(Files.readAllLines(report.failedFile(), UTF_8)).containsExactly("{\"order_id\":\"o-1\"}");
        assertThat(report.failed()).isZero();
    }

    @Test
    void givenPublishedAndDeadLetteredOutcomes_thenTheirLinesAreNoLongerInFlight() {
        ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"));
        byte[] published = "{\"order_id\":\"o-3\"}".getBytes(UTF_8);
        byte[] bad = "not json".getBytes(UTF_8);
        report.sent(published);
        report.sent(bad);

        report.accept(new IngestionResult.Published(
                new EventRef(DatasetName.of("orders"), "o-3", "id-3", published),
                SchemaVersion.parse("v1"),
                new PublishReceipt("streamlake.orders.raw", 0, 0, Instant.EPOCH)));
        report.accept(new IngestionResult.DeadLettered(
                new EventRef(DatasetName.of("orders"), null, "id-4", bad),
                DlqStage.PARSE,
                "MalformedJson",
                "malformed JSON",
                new PublishReceipt("streamlake.orders.dlq", 0, 0, Instant.EPOCH)));

        assertThat(report.freezeInFlight()).isEmpty();
    }

    @Test
    void givenLinesSentWithTheirSource_whenTheirOutcomesNameIt_thenOnlyTheLineWithoutOutcomeIsInFlight() {
        ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"));
        byte[] first = "{\"order_id\":\"o-5\"}".getBytes(UTF_8);
        byte[] second = "{\"order_id\":\"o-6\"}".getBytes(UTF_8);
        byte[] third = "{\"order_id\":\"o-7\"}".getBytes(UTF_8);
        report.sent(first, new EventSource("orders.jsonl", 1));
        report.sent(second, new EventSource("orders.jsonl", 2));
        report.sent(third, new EventSource("orders.jsonl", 3));

        report.accept(new IngestionResult.Published(
                new EventRef(
                        DatasetName.of("orders"),
                        "o-7",
                        "id-7",
                        third,
                        Optional.of(new EventSource("orders.jsonl", 3))),
                SchemaVersion.parse("v1"),
                new PublishReceipt("streamlake.orders.raw", 0, 0, Instant.EPOCH)));
        report.accept(new IngestionResult.Published(
                new EventRef(
                        DatasetName.of("orders"),
                        "o-5",
                        "id-5",
                        first,
                        Optional.of(new EventSource("orders.jsonl", 1))),
                SchemaVersion.parse("v1"),
                new PublishReceipt("streamlake.orders.raw", 0, 1, Instant.EPOCH)));

        assertThat(report.inFlightCount()).isEqualTo(1);
        assertThat(report.freezeInFlight()).containsExactly(second);
    }

    @Test
    void givenAFailureBeforeAnyStop_thenItIsWrittenAndNoLongerInFlight() throws IOException {
        ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"));
        byte[] line = "{\"order_id\":\"o-2\"}".getBytes(UTF_8);
        report.sent(line);

        report.accept(new IngestionResult.Failed(
                new EventRef(DatasetName.of("orders"), "o-2", "id-2", line), "timed out", true, null));
        report.finish();

        assertThat(report.freezeInFlight()).isEmpty();
        assertThat(report.failed()).isEqualTo(1);
        assertThat(Files.readAllLines(report.failedFile(), UTF_8)).containsExactly("{\"order_id\":\"o-2\"}");
    }
}
