package io.streamlake.schema.registry;

import io.streamlake.core.domain.RetriableStreamLakeException;

/**
 * The registry could not be reached, timed out, or answered 5xx, after the configured retries. The same
 * request may succeed later. The message names the registry URL and never contains credentials.
 */
public class SchemaRegistryUnavailableException extends RetriableStreamLakeException {

    private final int status;

    public SchemaRegistryUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status (5xx), or 0 when no answer was received. */
    public int status() {
        return status;
    }
}
