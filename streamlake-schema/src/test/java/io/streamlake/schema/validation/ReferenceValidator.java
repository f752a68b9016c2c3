package io.streamlake.schema.validation;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.core.domain.Violation;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.schema.catalog.CatalogLookup;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.codec.json.JsonPayload;
import java.util.List;
import java.util.Optional;

/**
 * TEST REFERENCE: schema validation by the tree tier alone ({@link TreeConformance} on every payload's tree, with no
 * flat or streaming tier), for differential tests.
 */
public final class ReferenceValidator implements PayloadValidator {

    private final SchemaCatalog catalog;
    private final TreeConformance checker;

    public ReferenceValidator(SchemaCatalog catalog, UnknownFieldPolicy unknownFields) {
        this.catalog = catalog;
        this.checker = new TreeConformance(unknownFields);
    }

    @Override
    public ValidationOutcome validate(DatasetName dataset, Optional<SchemaVersion> version, Payload payload) {
        CatalogLookup lookup = catalog.lookup(dataset, version);
        if (lookup instanceof CatalogLookup.NotFound notFound) {
            return ValidationOutcome.Invalid.of("$", notFound.reason());
        }
        var entry = ((CatalogLookup.Found) lookup).entry();
        if (!(payload instanceof JsonPayload json)) {
            return ValidationOutcome.Invalid.of(
                    "$",
                    "payload is not JSON (got " + payload.getClass().getSimpleName()
                            + "); schema validation needs a JSON payload");
        }
        List<Violation> violations = checker.violations(entry.schema(), json.tree());
        return violations.isEmpty()
                ? new ValidationOutcome.Valid(entry.version())
                : new ValidationOutcome.Invalid(violations, entry.version());
    }
}
