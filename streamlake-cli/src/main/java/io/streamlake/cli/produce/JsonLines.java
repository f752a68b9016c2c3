package io.streamlake.cli.produce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a JSON Lines stream as bytes, exactly as they are (invalid UTF-8 included), without their line end
 * ({@code \n} or {@code \r\n}); blank lines are skipped. Reads the input in 64 KiB chunks and scans them for
 * line ends (reading byte by byte through a synchronized stream cost 42% of the CLI's main thread), keeping only
 * one line at a time, never the whole input: a line that lies in one chunk is copied once, straight into its own
 * array. A UTF-8 byte-order mark at the very start of the input is skipped and
 * reported by {@link #byteOrderMarkSkipped()}. {@link #offset()} gives the byte offset just past the last line
 * {@link #next()} returned, so a later run can continue from there. Not thread-safe.
 */
public final class JsonLines implements Iterator<byte[]> {

    private final InputStream in;
    /** The start of a line that crossed the end of the buffer; grown as needed. */
    private byte[] line = new byte[256];

    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] next;
    private boolean done;
    private long lineNumber;
    private long bufferStart;
    private long nextEnd;
    private long offset;
    private boolean atStart;
    private boolean byteOrderMarkSkipped;

    public JsonLines(InputStream in) {
        this(in, 0);
    }

    /**
     * @param in          the input, positioned at {@code startOffset}
     * @param startOffset where {@code in} starts in its file; a byte-order mark is looked for only at offset 0
     */
    public JsonLines(InputStream in, long startOffset) {
        this.in = in;
        this.bufferStart = startOffset;
        this.offset = startOffset;
        this.atStart = startOffset == 0;
    }

    /** The byte offset just past the last line {@link #next()} returned (its line end included). */
    public long offset() {
        return offset;
    }

    /** True when the input began with a UTF-8 byte-order mark, which was not returned as part of the first line. */
    public boolean byteOrderMarkSkipped() {
        return byteOrderMarkSkipped;
    }

    /** The number of the line {@link #next()} last returned, 1-based, blank lines counted. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            next = readLine();
        }
        return next != null;
    }

    @Override
    public byte[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] out = next;
        next = null;
        offset = nextEnd;
        return out;
    }

    private boolean fill() throws IOException {
        bufferStart += limit;
        // read() hands out what is there (a pipe's lines as they come); only the byte-order mark probe waits for 3
        int n = atStart ? in.readNBytes(buffer, 0, 3) : in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        if (atStart) {
            atStart = false;
            if (n == 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                byteOrderMarkSkipped = true;
                position = 3;
                return fill();
            }
        }
        return n > 0;
    }

    private byte[] readLine() {
        int pending = 0; // bytes of this line kept in `line` (a line that crossed a buffer boundary)
        int start;
        try {
            while (true) {
                if (position == limit && !fill()) {
                    done = true;
                    if (pending == 0) {
                        return null;
                    }
                    start = position;
                    break;
                }
                start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (position < limit) {
                    break;
                }
                pending = append(pending, start, position - start);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
        int end = position;
        if (position < limit) {
            position++; // the '\n'
        }
        lineNumber++;
        nextEnd = bufferStart + position;
        // the common case: the whole line lies in the buffer, copied once, exactly as long as it is
        byte[] from = buffer;
        int offset = start;
        int length = end - start;
        if (pending > 0) {
            pending = append(pending, start, length);
            from = line;
            offset = 0;
            length = pending;
        }
        if (length > 0 && from[offset + length - 1] == '\r') {
            length--;
        }
        for (int i = offset; i < offset + length; i++) {
            if (from[i] != ' ' && from[i] != '\t') {
                return Arrays.copyOfRange(from, offset, offset + length);
            }
        }
        return null;
    }

    /** Appends {@code count} bytes of the buffer from {@code from} to the {@code pending} bytes kept of this line. */
    private int append(int pending, int from, int count) {
        if (pending + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, pending + count));
        }
        System.arraycopy(buffer, from, line, pending, count);
        return pending + count;
    }
}
