package io.streamlake.core.service;

import io.streamlake.core.domain.EventRef;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.StreamLakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns platform exceptions into {@link IngestionResult.Failed} values. */
final class Failures {

    private Failures() {}

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static IngestionResult.Failed failed(EventRef ref, Throwable error) {
        return failed(ref, error, "");
    }

    static IngestionResult.Failed failed(EventRef ref, Throwable error, String prefix) {
        Throwable cause = unwrap(error);
        if (cause instanceof StreamLakeException platform) {
            return new IngestionResult.Failed(ref, prefix + platform.getMessage(), platform.isRetriable(), platform);
        }
        String message = cause.getMessage() == null
                ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new IngestionResult.Failed(ref, prefix + message, false, cause);
    }
}
