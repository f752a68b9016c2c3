package io.streamlake.runtime;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a StreamLake process writes for people and scripts: results to {@code out}, messages to {@code err}.
 * Injected everywhere output is written, so tests capture it. {@code interactive} is true when {@code err} is
 * a terminal (progress lines are drawn only then).
 */
public record ConsoleStreams(PrintWriter out, PrintWriter err, boolean interactive) {

    public ConsoleStreams {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The process's own stdout and stderr (UTF-8, auto-flushing). */
    public static ConsoleStreams system() {
        return new ConsoleStreams(writer(System.out), writer(System.err), System.console() != null);
    }

    private static PrintWriter writer(OutputStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
