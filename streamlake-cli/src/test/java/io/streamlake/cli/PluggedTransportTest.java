package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.testing.Stored;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transport from the class path (META-INF/services) is selectable by name, with its own keys. */
class PluggedTransportTest {

    @TempDir
    Path dir;

    @Test
    void givenATransportOnTheClassPath_thenTransportNameSelectsIt() {
        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "recording",
                        "--dataset",
                        "orders",
                        "--key",
                        "o-9",
                        "--payload",
                        "{\"order_id\":\"o-9\",\"amount\":3}");

        assertThat(result.code()).as(result.err()).isZero();
        List<Stored<OutboundEvent>> stored = RecordingTransportProvider.lastPublisher.stored("streamlake.orders.raw");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).record().key()).isEqualTo("o-9");
    }

    @Test
    void givenTheTransportsOwnKey_thenItIsValidatedAndListed() {
        CliRunner.Result bad =
                new CliRunner(dir).run("config", "--transport", "recording", "--set", "recording.mode=maybe");
        CliRunner.Result listed =
                new CliRunner(dir).run("config", "--transport", "recording", "--set", "recording.mode=fail");

        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("recording.mode");
        assertThat(listed.out()).containsPattern("recording\\.mode\\s+= fail\\s+\\(flag\\)");
    }

    @Test
    void givenEventsNotAcknowledged_thenExitOneListsThemAndWritesARerunFile() throws IOException {
        byte[] input =
                "{\"order_id\":\"x1\",\"amount\":1}\n{\"order_id\":\"x2\",\"amount\":\"bad\"}\n{\"order_id\":\"x3\",\"amount\":3}\n"
                        .getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("in.jsonl"), input);

        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "recording",
                        "--set",
                        "recording.mode=fail",
                        "--dataset",
                        "orders",
                        "--file",
                        "in.jsonl",
                        "--key-field",
                        "order_id",
                        "--failed-file",
                        "rerun.jsonl");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out())
                .contains("published:     0")
                .contains("dead-lettered: 1")
                .contains("failed:        2")
                .contains("key x1: ")
                .contains("broker at test:1 not reachable")
                .contains("rerun.jsonl");
        assertThat(Files.readAllLines(dir.resolve("rerun.jsonl")))
                .containsExactlyInAnyOrder("{\"order_id\":\"x1\",\"amount\":1}", "{\"order_id\":\"x3\",\"amount\":3}");
    }

    @Test
    void givenThePlatformUnavailable_thenTheRunStopsWithTheFailedLinesAndAResumePointForTheUnreadOnes()
            throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add("{\"order_id\":\"x" + i + "\",\"amount\":" + i + "}");
        }
        Files.write(dir.resolve("in.jsonl"), lines);

        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "recording",
                        "--set",
                        "recording.mode=unavailable",
                        "--set",
                        "max.in.flight.events=8",
                        "--dataset",
                        "orders",
                        "--file",
                        "in.jsonl",
                        "--key-field",
                        "order_id",
                        "--failed-file",
                        "rerun.jsonl");

        assertThat(result.code()).isEqualTo(1);
        long failed = count(result.out(), "failed:");
        long notRead = count(result.out(), "not read:");
        assertThat(notRead).isPositive();
        assertThat(failed + notRead).isEqualTo(500);
        assertThat(result.out())
                .contains("(stopped by an unreachable cluster: Kafka cluster unreachable since 2026-12-04T10:00:00Z")
                .contains("resume point:");
        List<String> rerun = Files.readAllLines(dir.resolve("rerun.jsonl"));
        assertThat(rerun).hasSize((int) failed);
        assertThat(lines.subList(0, (int) failed)).containsExactlyInAnyOrderElementsOf(rerun);
        assertThat(dir.resolve(".streamlake").resolve("in.jsonl.resume")).exists();
    }

    private static long count(String summary, String label) {
        return summary.lines()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .map(l -> Long.parseLong(l.substring(label.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + summary));
    }

    @Test
    void givenPrepareThreads_thenAFileIsPreparedOnWorkersAndPublishedInItsOwnOrder() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lines.append("{\"order_id\":\"o-")
                    .append(i)
                    .append("\",\"amount\":")
                    .append(i)
                    .append("}\n");
        }
        Files.writeString(dir.resolve("in.jsonl"), lines);

        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "recording",
                        "--set",
                        "prepare.threads=4",
                        "--dataset",
                        "orders",
                        "--file",
                        "in.jsonl",
                        "--key-field",
                        "order_id");

        assertThat(result.code()).as(result.err()).isZero();
        List<Stored<OutboundEvent>> stored = RecordingTransportProvider.lastPublisher.stored("streamlake.orders.raw");
        assertThat(stored)
                .extracting(s -> s.record().key())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2_000)
                        .mapToObj(i -> "o-" + i)
                        .toList());
        assertThat(RecordingTransportProvider.publishingThreads)
                .isNotEmpty()
                .allMatch(name -> name.startsWith("streamlake-prepare-"));
    }

    @Test
    void givenPrepareThreadsZero_thenTheReadingThreadPublishes() throws IOException {
        Files.writeString(dir.resolve("in.jsonl"), "{\"order_id\":\"o-1\",\"amount\":1}\n");

        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--transport",
                        "recording",
                        "--set",
                        "prepare.threads=0",
                        "--dataset",
                        "orders",
                        "--file",
                        "in.jsonl",
                        "--key-field",
                        "order_id");
        CliRunner.Result negative = new CliRunner(dir).run("config", "--set", "prepare.threads=-1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(RecordingTransportProvider.publishingThreads)
                .noneMatch(name -> name.startsWith("streamlake-prepare-"));
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("prepare.threads");
    }
}
