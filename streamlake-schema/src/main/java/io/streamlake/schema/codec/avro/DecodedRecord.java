package io.streamlake.schema.codec.avro;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A decoded wire-format value.
 *
 * @param schemaId the registry id in the value's header
 * @param schema   the schema it was written with (fetched by id)
 * @param record   the value
 */
public record DecodedRecord(int schemaId, Schema schema, GenericRecord record) {

    public DecodedRecord {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(record, "record");
    }

    /** The value as plain JSON ({@link AvroJson#toJson}). */
    public String toJson() {
        return AvroJson.toJson(record);
    }
}
