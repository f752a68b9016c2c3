package io.streamlake.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A retriable failure that is not about one event: the platform is known to be unreachable (no broker has answered
 * for a while), so every further event would fail the same way until it answers again. A transport fails sends with
 * it at once instead of letting each wait; a stream that sees an event fail with it stops reading its input.
 */
public class PlatformUnavailableException extends RetriableStreamLakeException {

    private final Instant since;

    /** @param since when the platform last answered, or when waiting for its answer began */
    public PlatformUnavailableException(String message, Instant since) {
        super(message);
        this.since = Objects.requireNonNull(since, "since");
    }

    /** Since when the platform has not answered. */
    public Instant since() {
        return since;
    }

    /** Whether {@code error} or one of its causes is a {@link PlatformUnavailableException}. */
    public static boolean isCauseOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PlatformUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
