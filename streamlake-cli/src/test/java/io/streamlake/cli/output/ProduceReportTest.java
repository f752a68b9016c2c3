package io.streamlake.cli.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventRef;
import io.streamlake.core.domain.IngestionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
