package io.streamlake.core.testing;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.core.domain.Violation;
import io.streamlake.core.port.out.PayloadValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An in-memory {@link PayloadValidator}: each dataset version is a set of required field names. A payload
 * is valid when every required field is present and non-empty.
 */
public final class InMemoryPayloadValidator implements PayloadValidator {

    private final Map<DatasetName, NavigableMap<SchemaVersion, Set<String>>> schemas = new ConcurrentHashMap<>();

    /** Declares {@code version} of {@code dataset}, requiring {@code fields}. */
    public InMemoryPayloadValidator require(DatasetName dataset, SchemaVersion version, String... fields) {
        schemas.computeIfAbsent(dataset, d -> new ConcurrentSkipListMap<>()).put(version, Set.of(fields));
        return this;
    }

    @Override
    public ValidationOutcome validate(DatasetName dataset, Optional<SchemaVersion> version, Payload payload) {
        NavigableMap<SchemaVersion, Set<String>> versions = schemas.get(dataset);
        if (versions == null || versions.isEmpty()) {
            return ValidationOutcome.Invalid.of("$", "unknown dataset '" + dataset + "'");
        }
        SchemaVersion chosen = version.orElse(versions.lastKey());
        Set<String> required = versions.get(chosen);
        if (required == null) {
            return ValidationOutcome.Invalid.of(
                    "$", "unknown schema version " + chosen + " of dataset '" + dataset + "'");
        }
        List<Violation> violations = new ArrayList<>();
        for (String field : required.stream().sorted().toList()) {
            if (payload.textField(field).filter(v -> !v.isEmpty()).isEmpty()) {
                violations.add(new Violation("$." + field, "required field is missing"));
            }
        }
        return violations.isEmpty()
                ? new ValidationOutcome.Valid(chosen)
                : new ValidationOutcome.Invalid(violations, chosen);
    }
}
