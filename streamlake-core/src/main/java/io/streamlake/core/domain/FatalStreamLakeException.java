package io.streamlake.core.domain;

/** A platform failure that will not pass by itself: authentication or authorization refused, bad configuration. */
public class FatalStreamLakeException extends StreamLakeException {

    public FatalStreamLakeException(String message, Throwable cause) {
        super(message, cause);
    }

    public FatalStreamLakeException(String message) {
        super(message, null);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
