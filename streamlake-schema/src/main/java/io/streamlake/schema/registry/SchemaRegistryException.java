package io.streamlake.schema.registry;

import io.streamlake.core.domain.FatalStreamLakeException;

/**
 * The registry refused a request (4xx): bad credentials (401/403), unknown subject, version or id (404),
 * incompatible schema (409), invalid schema (422). Retrying the same request will not help.
 * The message names the registry URL and never contains credentials.
 */
public class SchemaRegistryException extends FatalStreamLakeException {

    /** Confluent's error code for an incompatible schema. */
    public static final int INCOMPATIBLE_SCHEMA = 409;

    private final int status;
    private final int errorCode;
    private final String registryMessage;

    public SchemaRegistryException(String url, int status, int errorCode, String registryMessage) {
        super("schema registry " + url + " answered HTTP " + status
                + (errorCode > 0 ? " (error_code " + errorCode + ")" : "") + ": " + registryMessage);
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** The HTTP status, e.g. 409. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (e.g. 40401 subject not found), or 0 when it gave none. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own message. */
    public String registryMessage() {
        return registryMessage;
    }
}
