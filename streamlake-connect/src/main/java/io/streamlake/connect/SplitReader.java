package io.streamlake.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the lines of a {@link FileSplit} as {@code streamlake produce --file} reads a file: bytes exactly as they are
 * (invalid UTF-8 included), without their line end ({@code \n} or {@code \r\n}); blank lines skipped but counted; a
 * UTF-8 byte-order mark at the very start of the file skipped; a last line without a line end read. Each line comes with
 * its number in the file and the byte after it, so a task can resume from there. Not thread-safe.
 */
final class SplitReader implements AutoCloseable {

    /** One line: its bytes, its 1-based number in the file, and the byte offset just past it. */
    record Line(byte[] bytes, long number, long end) {}

    private final FileSplit split;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;
    private long offset;
    private long lineNumber;

    /**
     * @param from       the byte to read from: the split's start, or a resumed position inside it
     * @param linesBefore how many lines of the file lie before {@code from}
     */
    SplitReader(FileSplit split, long from, long linesBefore) throws IOException {
        this.split = split;
        this.in = Files.newInputStream(Path.of(split.file()));
        this.in.skipNBytes(from);
        this.offset = from;
        this.lineNumber = linesBefore;
        if (from == 0) {
            skipByteOrderMark();
        }
    }

    /** How many line ends ({@code \n}) lie in the file's first {@code length} bytes. */
    static long linesBefore(Path file, long length) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream prefix = Files.newInputStream(file)) {
            long left = length;
            while (left > 0) {
                int read = prefix.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                left -= read;
            }
        }
        return count;
    }

    private void skipByteOrderMark() throws IOException {
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            offset = 3;
        } else {
            System.arraycopy(head, 0, buffer, 0, head.length);
            limit = head.length;
        }
    }

    /** The next non-blank line of the split, or null at its end. */
    Line next() throws IOException {
        while (offset < split.end()) {
            line.reset();
            boolean ended = false;
            while (!ended) {
                if (position == limit) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n <= 0) {
                        break;
                    }
                    position = 0;
                    limit = n;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                line.write(buffer, start, position - start);
                offset += position - start;
                if (position < limit) {
                    position++;
                    offset++;
                    ended = true;
                }
            }
            if (line.size() == 0 && !ended) {
                return null; // end of file
            }
            lineNumber++;
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            for (int i = 0; i < length; i++) {
                if (bytes[i] != ' ' && bytes[i] != '\t') {
                    return new Line(length == bytes.length ? bytes : Arrays.copyOf(bytes, length), lineNumber, offset);
                }
            }
        }
        return null;
    }

    /** The byte after the last line read. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
