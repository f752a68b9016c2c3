package io.streamlake.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a JSON Lines stream as bytes, exactly as they are (invalid UTF-8 included), without their line end
 * ({@code \n} or {@code \r\n}); blank lines are skipped. Reads one line at a time, never the whole input. Not
 * thread-safe.
 */
final class JsonLines implements Iterator<byte[]> {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private byte[] next;
    private boolean done;
    private long lineNumber;

    JsonLines(InputStream in) {
        this.in = in;
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
        return out;
    }

    private byte[] readLine() {
        line.reset();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            if (b == -1) {
                done = true;
                if (line.size() == 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
            }
        }
        return null;
    }
}
