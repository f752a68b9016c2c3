package io.streamlake.core.domain;

import java.util.List;
import java.util.stream.Collectors;

/** What a {@code PayloadValidator} found: the version the payload matches, or every violation. */
public sealed interface ValidationOutcome {

    /** The payload matches {@code version} of its dataset's schema. */
    record Valid(SchemaVersion version) implements ValidationOutcome {
        public Valid {
            if (version == null) {
                throw new IllegalArgumentException("version must not be null");
            }
        }
    }

    /**
     * The payload does not match, or its dataset or version is unknown; each violation names its field path.
     */
    record Invalid(List<Violation> violations) implements ValidationOutcome {
        public Invalid {
            if (violations == null || violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid outcome needs at least one violation");
            }
            violations = List.copyOf(violations);
        }

        public static Invalid of(String path, String message) {
            return new Invalid(List.of(new Violation(path, message)));
        }

        /** All violations in one line, separated by {@code ; }. */
        public String reason() {
            return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        }
    }
}
