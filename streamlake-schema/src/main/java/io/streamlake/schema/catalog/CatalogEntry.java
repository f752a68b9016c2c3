package io.streamlake.schema.catalog;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.schema.rules.RuleSet;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * One version of a dataset's schema.
 *
 * @param dataset the dataset
 * @param version its catalog version
 * @param schema  the parsed Avro schema, always a record
 * @param source  where it was read from (a classpath resource or a file), for messages
 * @param rules   its data-contract rules ({@code v<N>.rules.json} beside the schema), when it has a rules file
 */
public record CatalogEntry(
        DatasetName dataset, SchemaVersion version, Schema schema, String source, Optional<RuleSet> rules) {

    /** A version without rules. */
    public CatalogEntry(DatasetName dataset, SchemaVersion version, Schema schema, String source) {
        this(dataset, version, schema, source, Optional.empty());
    }

    public CatalogEntry {
        Objects.requireNonNull(rules, "rules");
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
