package io.streamlake.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
     *
     * @param violations what is wrong, at least one
     * @param version    the version the payload was checked against (the one asked for, or the dataset's latest);
     *                   empty when the dataset or the version is unknown
     */
    record Invalid(List<Violation> violations, Optional<SchemaVersion> version) implements ValidationOutcome {
        public Invalid {
            if (violations == null || violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid outcome needs at least one violation");
            }
            violations = List.copyOf(violations);
            Objects.requireNonNull(version, "version");
        }

        /** Violations found without a version to check against (the dataset or the version is unknown). */
        public Invalid(List<Violation> violations) {
            this(violations, Optional.empty());
        }

        /** Violations of {@code version} of the dataset's schema. */
        public Invalid(List<Violation> violations, SchemaVersion version) {
            this(violations, Optional.of(Objects.requireNonNull(version, "version")));
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
