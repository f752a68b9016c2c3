package io.streamlake.schema.catalog;

import java.util.Objects;

/** The result of {@link SchemaCatalog#lookup}: the entry, or why there is none. */
public sealed interface CatalogLookup {

    record Found(CatalogEntry entry) implements CatalogLookup {
        public Found {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** {@code reason} names the unknown dataset or version and lists what is known. */
    record NotFound(String reason) implements CatalogLookup {
        public NotFound {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank");
            }
        }
    }
}
