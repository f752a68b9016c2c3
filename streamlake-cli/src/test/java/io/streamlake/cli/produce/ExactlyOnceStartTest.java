package io.streamlake.cli.produce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.cli.context.UsageException;
import io.streamlake.core.domain.FileCheckpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a resumed exactly-once run starts, and which changed files it refuses. */
class ExactlyOnceStartTest {

    @TempDir
    Path dir;

    private final PrintWriter err = new PrintWriter(new StringWriter(), true);

    /** The checkpoint a run of {@code file} commits at {@code offset}, after line {@code line}. */
    private static FileCheckpoint checkpoint(Path file, long offset, long line) throws IOException {
        FileIdentity id = FileIdentity.of(file);
        FileIdentity.Tail tail = FileIdentity.Tail.of(file, offset);
        return new FileCheckpoint(
                id.path().toString(),
                id.size(),
                id.blockLength(),
                id.blockSha256(),
                offset,
                line,
                tail.sha256(),
                tail.endsWithNewline());
    }

    @Test
    void givenAFileRewrittenBehindItsFirstBlockAndLonger_thenResumeIsRefusedNamingTheBytesBeforeTheCheckpoint()
            throws IOException {
        StringBuilder text = new StringBuilder();
        for (int n = 1; text.length() < 80_000; n++) {
            text.append("{\"n\":").append(n).append("}\n");
        }
        Path file = Files.writeString(dir.resolve("a.jsonl"), text, UTF_8);
        int offset = text.indexOf("\n", 70_000) + 1;
        FileCheckpoint c = checkpoint(file, offset, 7_000);
        StringBuilder rewritten = new StringBuilder(text);
        rewritten.setCharAt(offset - 3, 'x');
        rewritten.append("{\"n\":0}\n");
        Files.writeString(file, rewritten, UTF_8);

        assertThatThrownBy(() -> ExactlyOnceStart.of("a.jsonl", file, Optional.of(c), true, err))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("bytes before byte " + offset)
                .hasMessageContaining("run without --resume");
    }

    @Test
    void givenALastLineCommittedWithoutItsLineEndThenTheFileGrew_thenResumeIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("b.jsonl"), "{\"n\":1}\n{\"n\":2", UTF_8);
        FileCheckpoint c = checkpoint(file, Files.size(file), 2);
        Files.writeString(file, "2}\n{\"n\":3}\n", UTF_8, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> ExactlyOnceStart.of("b.jsonl", file, Optional.of(c), true, err))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("grew after line 2, which had no line end");
    }

    @Test
    void givenLinesAppendedAfterACompleteLastLine_thenResumeStartsAtTheCheckpoint() throws IOException {
        Path file = Files.writeString(dir.resolve("c.jsonl"), "{\"n\":1}\n{\"n\":2}\n", UTF_8);
        FileCheckpoint c = checkpoint(file, Files.size(file), 2);
        Files.writeString(file, "{\"n\":3}\n", UTF_8, StandardOpenOption.APPEND);

        ExactlyOnceStart start = ExactlyOnceStart.of("c.jsonl", file, Optional.of(c), true, err);

        assertThat(start.offset()).isEqualTo(c.offset());
    }
}
