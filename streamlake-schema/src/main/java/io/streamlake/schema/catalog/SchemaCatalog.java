package io.streamlake.schema.catalog;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import java.util.List;
import java.util.Optional;

/**
 * The versioned Avro schemas of every dataset ({@code <dataset>/v<N>.avsc}). Immutable after creation and
 * safe to share between threads; schemas are parsed once, when the catalog is created.
 */
public interface SchemaCatalog {

    /** Every dataset with at least one version, sorted by name. */
    List<DatasetName> datasets();

    /** The dataset's versions in ascending order; empty when the dataset is unknown. */
    List<SchemaVersion> versions(DatasetName dataset);

    /**
     * Finds a dataset's schema.
     *
     * @param version the version; empty means the dataset's latest
     * @return the entry, or {@link CatalogLookup.NotFound} with a reason naming the unknown dataset or version
     */
    CatalogLookup lookup(DatasetName dataset, Optional<SchemaVersion> version);

    /**
     * Like {@link #lookup} but for callers that cannot continue without the schema.
     *
     * @throws UnknownSchemaException naming the dataset or version when it is not in the catalog
     */
    default CatalogEntry require(DatasetName dataset, Optional<SchemaVersion> version) {
        CatalogLookup lookup = lookup(dataset, version);
        if (lookup instanceof CatalogLookup.Found found) {
            return found.entry();
        }
        throw new UnknownSchemaException(((CatalogLookup.NotFound) lookup).reason());
    }
}
