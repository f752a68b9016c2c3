package io.streamlake.cli.produce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProduceInputTest {

    @TempDir
    Path dir;

    @Test
    void givenALinePeekedButNotHandedOut_thenItIsNotCountedAsRead() {
        ProduceInput input = ProduceInput.stdin(new ByteArrayInputStream("a\nb\nc\n".getBytes(UTF_8)));

        input.next(line -> {});
        assertThat(input.hasNext()).isTrue(); // reads line 2 ahead, as the stream does before it waits for a slot

        assertThat(input.linesRead()).isEqualTo(1);
        assertThat(input.lastSource().line()).isEqualTo(1);
    }

    @Test
    void givenAFrozenInput_thenThePositionIsTheFirstLineNotHandedOutAndNothingMoreIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("in.jsonl"), "a\nbb\nccc\n");
        ProduceInput input = ProduceInput.file("in.jsonl", file, false);
        input.next(line -> {});
        input.hasNext();

        ProduceInput.Position position = input.freeze();

        assertThat(position.offset()).isEqualTo(2);
        assertThat(input.hasNext()).isFalse();
    }

    @Test
    void givenAFileThatIsNotRegular_thenItReadsLikeStandardInputWithoutAResumePoint() {
        ProduceInput input = ProduceInput.file("/dev/null", Path.of("/dev/null"), false);

        assertThat(input.hasNext()).isFalse();
        assertThat(input.file()).isEmpty();
    }
}
