package io.streamlake.schema.catalog;

/** A dataset or version asked for is not in the catalog; the message names it. */
public class UnknownSchemaException extends IllegalArgumentException {

    public UnknownSchemaException(String message) {
        super(message);
    }
}
