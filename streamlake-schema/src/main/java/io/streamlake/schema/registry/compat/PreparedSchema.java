package io.streamlake.schema.registry.compat;

import io.streamlake.schema.catalog.CatalogEntry;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A catalog version ready for the Avro codec.
 *
 * @param entry        the catalog version payloads are validated against
 * @param subject      the registry subject
 * @param schemaId     the registry id written into every record
 * @param writerSchema the schema the Avro binary is written with: the catalog schema in auto-register mode,
 *                     the registry's latest or pinned schema (which can read the catalog version) otherwise
 */
public record PreparedSchema(CatalogEntry entry, String subject, int schemaId, Schema writerSchema) {

    public PreparedSchema {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(writerSchema, "writerSchema");
    }
}
