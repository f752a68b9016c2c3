package io.streamlake.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files found, split at line boundaries and read back: every line exactly once, numbered as in the file. */
class FilePartsTest {

    @TempDir
    Path dir;

    @Test
    void givenAFileSplitIntoParts_thenThePartsTogetherReadEveryLineOnceWithItsNumber() throws IOException {
        Path file = dir.resolve("a.jsonl");
        Files.write(file, SameRecordsAsProduceTest.sampleFile());
        InputFiles.Found found = InputFiles.scan(List.of(file.toString())).get(0);

        for (long splitBytes : new long[] {0, 1, 7, 40, 100, 1_000_000}) {
            List<FileSplit> parts = InputFiles.split(found, splitBytes);
            List<String> read = new ArrayList<>();
            long expectedStart = 0;
            for (FileSplit part : parts) {
                assertThat(part.start()).isEqualTo(expectedStart);
                expectedStart = part.end();
                long before = part.start() == 0 ? 0 : SplitReader.linesBefore(file, part.start());
                try (SplitReader reader = new SplitReader(part, part.start(), before)) {
                    SplitReader.Line line;
                    while ((line = reader.next()) != null) {
                        read.add(line.number() + " " + new String(line.bytes(), UTF_8));
                    }
                }
            }
            assertThat(expectedStart).isEqualTo(found.size());
            List<String> expected = ProduceOracle.lines(file).stream()
                    .map(l -> l.number() + " " + new String(l.bytes(), UTF_8))
                    .toList();
            assertThat(read).as("split.bytes=%d", splitBytes).isEqualTo(expected);
        }
    }

    @Test
    void givenAResumedPosition_thenReadingContinuesAfterIt() throws IOException {
        Path file = dir.resolve("b.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\n", UTF_8);
        FileSplit whole = InputFiles.split(
                        InputFiles.scan(List.of(file.toString())).get(0), 0)
                .get(0);
        SplitReader.Line second;
        try (SplitReader reader = new SplitReader(whole, 0, 0)) {
            reader.next();
            second = reader.next();
        }
        try (SplitReader resumed = new SplitReader(whole, second.end(), second.number())) {
            SplitReader.Line next = resumed.next();
            assertThat(new String(next.bytes(), UTF_8)).isEqualTo("{\"a\":3}");
            assertThat(next.number()).isEqualTo(4);
            assertThat(resumed.next()).isNull();
        }
    }

    @Test
    void givenADirectoryAndAGlob_thenTheirRegularFilesAreFoundButHiddenOnesAreNot() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("x.jsonl"), "{}\n");
        Files.writeString(in.resolve("y.txt"), "{}\n");
        Files.writeString(in.resolve(".hidden.jsonl"), "{}\n");
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/z.jsonl"), "{}\n");

        assertThat(InputFiles.scan(List.of(in.toString())))
                .extracting(InputFiles.Found::file)
                .containsExactly(
                        in.resolve("x.jsonl").toString(), in.resolve("y.txt").toString());
        assertThat(InputFiles.scan(List.of(in + "/**.jsonl")))
                .extracting(InputFiles.Found::file)
                .containsExactly(
                        in.resolve("sub/z.jsonl").toString(),
                        in.resolve("x.jsonl").toString());
        assertThat(InputFiles.scan(List.of(dir.resolve("missing") + "/*.jsonl")))
                .isEmpty();
    }
}
