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
 * Validates JSON payloads against their dataset's catalog schema. A payload the streaming tier
 * ({@link StreamingConformance}, which hands flat payloads to the flat tier) finds conforming is valid without its tree
 * being built; any other goes through the tree tier ({@link TreeConformance}), which names every violation.
 * Thread-safe; never throws for bad data.
 */
final class SchemaPayloadValidator implements PayloadValidator {

    private final SchemaCatalog catalog;
    private final TreeConformance checker;
    private final boolean enabled;
    private final StreamingConformance streaming;

    SchemaPayloadValidator(SchemaCatalog catalog, TreeConformance checker, boolean enabled) {
        this.catalog = catalog;
        this.checker = checker;
        this.enabled = enabled;
        this.streaming = new StreamingConformance(checker);
    }

    @Override
    public ValidationOutcome validate(DatasetName dataset, Optional<SchemaVersion> version, Payload payload) {
        CatalogLookup lookup = catalog.lookup(dataset, version);
        if (lookup instanceof CatalogLookup.NotFound notFound) {
            return ValidationOutcome.Invalid.of("$", notFound.reason());
        }
        var entry = ((CatalogLookup.Found) lookup).entry();
        if (!enabled) {
            return new ValidationOutcome.Valid(entry.version());
        }
        if (!(payload instanceof JsonPayload json)) {
            return ValidationOutcome.Invalid.of(
                    "$",
                    "payload is not JSON (got " + payload.getClass().getSimpleName()
                            + "); schema validation needs a JSON payload");
        }
        if (streaming.conforms(entry.schema(), json)) {
            return new ValidationOutcome.Valid(entry.version());
        }
        List<Violation> violations = checker.violations(entry.schema(), json.tree());
        return violations.isEmpty()
                ? new ValidationOutcome.Valid(entry.version())
                : new ValidationOutcome.Invalid(violations, entry.version());
    }
}
