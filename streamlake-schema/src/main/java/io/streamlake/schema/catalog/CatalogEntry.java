package io.streamlake.schema.catalog;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a dataset's schema.
 *
 * @param dataset the dataset
 * @param version its catalog version
 * @param schema  the parsed Avro schema, always a record
 * @param source  where it was read from (a classpath resource or a file), for messages
 */
public record CatalogEntry(DatasetName dataset, SchemaVersion version, Schema schema, String source) {

    public CatalogEntry {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(source, "source");
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(
                    source + ": a dataset schema must be an Avro record, not " + schema.getType());
        }
    }

    /** {@code orders v2}, as messages name it. */
    public String label() {
        return dataset + " " + version;
    }
}
