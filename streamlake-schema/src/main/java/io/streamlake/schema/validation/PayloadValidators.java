package io.streamlake.schema.validation;

import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.schema.catalog.SchemaCatalog;

/** Creates the schema-backed {@link PayloadValidator}. */
public final class PayloadValidators {

    private PayloadValidators() {}

    /**
     * A validator that resolves the dataset's version in {@code catalog} (unknown dataset or version: an
     * {@code Invalid} outcome at path {@code $} naming it) and, when {@code enabled}, checks the JSON payload
     * against that schema, collecting every violation. When not enabled, only the version is resolved.
     * Thread-safe; never throws for bad data.
     */
    public static PayloadValidator create(SchemaCatalog catalog, UnknownFieldPolicy unknownFields, boolean enabled) {
        return new SchemaPayloadValidator(catalog, new TreeConformance(unknownFields), enabled);
    }
}
