package io.streamlake.cli.output;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a produce run ended, beyond its outcomes: for the summary.
 *
 * @param byteOrderMarkSkipped the input began with a UTF-8 byte-order mark, skipped
 * @param stoppedBy            what stopped reading before the input's end: a signal ({@code SIGINT}, {@code SIGTERM})
 *                             or an unreachable cluster; empty when the input was read to its end
 * @param linesRead            lines of the input read (for stdin, the last line read, after which nothing was)
 * @param notRead              lines never read; empty when they cannot be counted (stdin)
 * @param unknown              events in flight when the run stopped without waiting for them: their outcome is unknown
 * @param resumePoint          where the run can continue with {@code --resume}; empty for stdin or when every line
 *                             was acknowledged
 */
public record RunEnding(
        boolean byteOrderMarkSkipped,
        Optional<String> stoppedBy,
        long linesRead,
        Optional<Long> notRead,
        long unknown,
        Optional<Path> resumePoint) {

    public RunEnding {
        Objects.requireNonNull(stoppedBy, "stoppedBy");
        Objects.requireNonNull(notRead, "notRead");
        Objects.requireNonNull(resumePoint, "resumePoint");
    }

    /** A run read to its end, without a byte-order mark. */
    public static RunEnding complete() {
        return new RunEnding(false, Optional.empty(), 0, Optional.of(0L), 0, Optional.empty());
    }
}
