package io.streamlake.core.domain;

/** A platform failure that may pass: broker or registry unreachable, time-out, leader moving. */
public class RetriableStreamLakeException extends StreamLakeException {

    public RetriableStreamLakeException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetriableStreamLakeException(String message) {
        super(message, null);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
