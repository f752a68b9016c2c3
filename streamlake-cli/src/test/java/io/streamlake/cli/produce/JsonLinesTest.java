package io.streamlake.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void givenCrLfBlankAndUnterminatedLines_thenEachNonBlankLineWithoutItsEnd() {
        List<String> lines = read(new ByteArrayInputStream("a\r\n\n  \t\nb\nc".getBytes(StandardCharsets.UTF_8)));
        assertThat(lines).containsExactly("a", "b", "c");
    }

    @Test
    void givenLinesLongerThanTheBufferAndManyLines_thenBytesKeptExactlyAcrossChunkBoundaries() {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] line = ("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 7 == 0 ? 70_000 : i % 97) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            line[line.length - 3] = (byte) (i % 2 == 0 ? 0xFF : 'x');
            expected.add(line);
            input.writeBytes(line);
            input.write('\n');
        }
        JsonLines lines = new JsonLines(new ByteArrayInputStream(input.toByteArray()));
        for (byte[] line : expected) {
            assertThat(lines.hasNext()).isTrue();
            assertThat(lines.next()).isEqualTo(line);
        }
        assertThat(lines.hasNext()).isFalse();
        assertThat(lines.lineNumber()).isEqualTo(3000);
    }

    @Test
    void givenStreamThatGivesOneByteAtATime_thenSameLines() {
        InputStream trickle =
                new FilterInputStream(new ByteArrayInputStream("x\ny\r\n\nz".getBytes(StandardCharsets.UTF_8))) {
                    @Override
                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        return super.read(b, off, Math.min(len, 1));
                    }
                };
        assertThat(read(trickle)).containsExactly("x", "y", "z");
    }

    private static List<String> read(InputStream in) {
        List<String> out = new ArrayList<>();
        new JsonLines(in).forEachRemaining(b -> out.add(new String(b, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void givenAByteOrderMarkAndCrLfLines_thenItIsSkippedAndEachOffsetIsJustPastItsLineEnd() {
        byte[] input = "\uFEFFa\r\n\nbc\nd".getBytes(StandardCharsets.UTF_8);
        JsonLines lines = new JsonLines(new ByteArrayInputStream(input));
        List<Long> offsets = new ArrayList<>();
        List<String> read = new ArrayList<>();
        lines.forEachRemaining(b -> {
            read.add(new String(b, StandardCharsets.UTF_8));
            offsets.add(lines.offset());
        });

        assertThat(read).containsExactly("a", "b".concat("c"), "d");
        assertThat(offsets).containsExactly(6L, 10L, 11L);
        assertThat(lines.byteOrderMarkSkipped()).isTrue();
    }

    @Test
    void givenAStartOffset_thenOffsetsCountFromItAndNoByteOrderMarkIsLookedFor() {
        byte[] input = "\uFEFFx\ny\n".getBytes(StandardCharsets.UTF_8);
        JsonLines lines = new JsonLines(new ByteArrayInputStream(input), 100);

        assertThat(new String(lines.next(), StandardCharsets.UTF_8)).isEqualTo("\uFEFFx");
        assertThat(lines.offset()).isEqualTo(105);
        assertThat(lines.byteOrderMarkSkipped()).isFalse();
    }

    @Test
    void givenAPipeThatHasNoMoreYet_thenTheLineItHoldsIsReturnedWithoutWaitingForMore() {
        InputStream pipe = new InputStream() {
            private final byte[][] chunks = {
                "abc".getBytes(StandardCharsets.UTF_8), "def\n".getBytes(StandardCharsets.UTF_8)
            };
            private int chunk;
            private int position;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (chunk == chunks.length) {
                    throw new AssertionError("read past the line the pipe holds: it would block");
                }
                int n = Math.min(len, chunks[chunk].length - position);
                System.arraycopy(chunks[chunk], position, b, off, n);
                position += n;
                if (position == chunks[chunk].length) {
                    chunk++;
                    position = 0;
                }
                return n;
            }
        };

        assertThat(new String(new JsonLines(pipe).next(), StandardCharsets.UTF_8))
                .isEqualTo("abcdef");
    }
}
