package io.streamlake.schema.validation;

/** What validation does with a JSON field its record schema does not declare ({@code schema.unknown.fields}). */
public enum UnknownFieldPolicy {
    /** The field is a violation. */
    REJECT,
    /** The field is accepted and dropped by Avro serialization (JSON keeps the original bytes). */
    IGNORE
}
