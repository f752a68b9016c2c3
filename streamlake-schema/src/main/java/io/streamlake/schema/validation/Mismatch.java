package io.streamlake.schema.validation;

/**
 * A JSON value does not fit an Avro type; the message says what was expected and found, without the path.
 * Stackless: it is an expected outcome while matching union branches, not a bug.
 */
public final class Mismatch extends RuntimeException {

    public Mismatch(String message) {
        super(message, null, false, false);
    }
}
