package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.cli.produce.FileIdentity;
import io.streamlake.cli.produce.ResumePoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * produce --file on the stdout transport: usage errors refused before anything is sent (exit 2, one line), a
 * byte-order mark, progress lines when stderr is not a terminal, and --resume from a resume point.
 */
class ProduceFileRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner.Result produce(String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("produce", "--transport", "stdout", "--dataset", "orders", "--key-field", "order_id"));
        args.addAll(List.of(more));
        return new CliRunner(dir).run(args.toArray(String[]::new));
    }

    private static String line(int i) {
        return "{\"order_id\":\"o-" + i + "\",\"amount\":" + i + "}";
    }

    private Path file(String name, int lines) throws IOException {
        return Files.writeString(
                dir.resolve(name),
                IntStream.rangeClosed(1, lines)
                                .mapToObj(ProduceFileRunTest::line)
                                .collect(Collectors.joining("\n")) + "\n");
    }

    private static List<String> keys(String out) {
        return out.lines()
                .filter(l -> l.startsWith("{\"topic\""))
                .map(l -> {
                    try {
                        JsonNode record = JSON.readTree(l);
                        return record.get("topic").asText().endsWith(".raw")
                                ? record.get("key").asText()
                                : "dlq:" + record.get("topic").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    @Test
    void givenATypoInTheDataset_thenExitTwoSuggestingTheNearestNameAndNothingSent() throws IOException {
        file("orders.jsonl", 3);

        CliRunner.Result result = new CliRunner(dir)
                .run("produce", "--transport", "stdout", "--dataset", "ordres", "--file", "orders.jsonl");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: unknown dataset 'ordres' (did you mean 'orders'?)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenADirectoryAsTheFile_thenExitTwoNamingIt() throws IOException {
        Files.createDirectory(dir.resolve("batch"));

        CliRunner.Result result = produce("--file", "batch");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: --file batch is a directory, not a JSON Lines file");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenALeadingByteOrderMark_thenItIsSkippedAndCountedNotDeadLettered() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = (line(1) + "\n" + line(2) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + rest.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(rest, 0, content, bom.length, rest.length);
        Files.write(dir.resolve("bom.jsonl"), content);

        CliRunner.Result result = produce("--file", "bom.jsonl", "--output", "json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(keys(result.out())).containsExactly("o-1", "o-2");
        JsonNode summary = JSON.readTree(result.err()
                .lines()
                .filter(l -> l.startsWith("{\"published\""))
                .findFirst()
                .orElseThrow());
        assertThat(summary.get("byte_order_mark_skipped").asBoolean()).isTrue();
        assertThat(summary.get("dead_lettered").asInt()).isZero();
    }

    @Test
    void givenStderrNotATerminal_thenAProgressLineEveryInterval() throws IOException {
        file("many.jsonl", 20_000);

        CliRunner.Result result = produce("--file", "many.jsonl", "--set", "progress.interval.ms=10");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err().lines())
                .anySatisfy(l -> assertThat(l)
                        .matches("progress: \\d+ read, \\d+ published, 0 dead-lettered, 0 failed, \\d+ events/s"));
    }

    @Test
    void givenAResumePoint_thenTheLinesNotAcknowledgedThenTheRestOfTheFileAreSent() throws IOException {
        Path input = file("orders.jsonl", 10);
        long offset = (line(1) + "\n" + line(2) + "\n" + line(3) + "\n" + line(4) + "\n" + line(5) + "\n" + line(6)
                        + "\n")
                .getBytes(StandardCharsets.UTF_8)
                .length;
        Path rerun = Files.writeString(dir.resolve("rerun.jsonl"), line(3) + "\n" + line(5) + "\n");
        new ResumePoint(FileIdentity.of(input), offset, Optional.of(rerun)).write();

        CliRunner.Result result = produce("--file", "orders.jsonl", "--resume");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(keys(result.out())).containsExactly("o-3", "o-5", "o-7", "o-8", "o-9", "o-10");
        assertThat(ResumePoint.location(input)).doesNotExist();
        assertThat(rerun).doesNotExist();
    }

    @Test
    void givenAResumedRunWithSourceHeaders_thenEachEventNamesItsLineInTheFileOrInTheRerunFile() throws IOException {
        Path input = file("orders.jsonl", 10);
        long offset = (line(1) + "\n" + line(2) + "\n" + line(3) + "\n" + line(4) + "\n" + line(5) + "\n" + line(6)
                        + "\n")
                .getBytes(StandardCharsets.UTF_8)
                .length;
        Path rerun = Files.writeString(dir.resolve("rerun.jsonl"), line(3) + "\n" + line(5) + "\n");
        new ResumePoint(FileIdentity.of(input), offset, Optional.of(rerun)).write();

        CliRunner.Result result = produce("--file", "orders.jsonl", "--resume", "--set", "headers.source=true");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> sources = result.out()
                .lines()
                .filter(l -> l.startsWith("{\"topic\""))
                .map(l -> {
                    try {
                        return JSON.readTree(l).get("headers").get("source").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
        assertThat(sources)
                .containsExactly(
                        rerun + ":1",
                        rerun + ":2",
                        "orders.jsonl:7",
                        "orders.jsonl:8",
                        "orders.jsonl:9",
                        "orders.jsonl:10");
    }

    @Test
    void givenAFileThatShrankSinceItsResumePoint_thenExitTwoNamingTheSize() throws IOException {
        Path input = file("orders.jsonl", 10);
        new ResumePoint(FileIdentity.of(input), 40, Optional.empty()).write();
        file("orders.jsonl", 5);

        CliRunner.Result result = produce("--file", "orders.jsonl", "--resume");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip())
                .startsWith("error: cannot resume: orders.jsonl changed since the interrupted run (size shrank from ")
                .doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenAFileWhoseFirstBlockChanged_thenExitTwoNamingTheHash() throws IOException {
        Path input = file("orders.jsonl", 10);
        new ResumePoint(FileIdentity.of(input), 40, Optional.empty()).write();
        Files.writeString(input, Files.readString(input).replace("o-1\"", "x-1\""));

        CliRunner.Result result = produce("--file", "orders.jsonl", "--resume");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("the SHA-256 of its first ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenResumeWithoutAResumePoint_thenExitTwo() throws IOException {
        file("orders.jsonl", 3);

        CliRunner.Result result = produce("--file", "orders.jsonl", "--resume");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no resume point for orders.jsonl");
    }

    @Test
    void givenResumeOnStdin_thenExitTwoSayingItCannotBeResumed() {
        CliRunner.Result result = produce("--file", "-", "--resume");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: stdin cannot be resumed: --resume needs --file PATH");
    }
}
