package io.streamlake.cli.context;

/** A command was given something it cannot use (a missing file, conflicting options): exit 2, one line. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
