package io.streamlake.schema.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A schema as registered under a subject. The id is global and unrelated to the version.
 *
 * @param subject the subject
 * @param id      the registry's global schema id
 * @param version the version within the subject, 1 or more
 * @param schema  the schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
