package io.streamlake.contracts;

import java.util.Objects;
import java.util.Optional;

/**
 * What compiling one rule of a schema version found, for {@code schema check}.
 *
 * @param rule    the rule's name ({@code rule #N} when it has none)
 * @param kind    its kind and type, e.g. {@code CONDITION/CEL}
 * @param expr    its expression, or empty
 * @param status  whether it compiled
 * @param problem why it did not: names the file, the rule, the position and the cause; empty when it compiled
 */
public record RuleCheck(String rule, String kind, String expr, Status status, Optional<String> problem) {

    /** Whether a rule will run. */
    public enum Status {
        /** It compiled and runs on every event of its version. */
        COMPILED,
        /** {@code disabled: true}: it is not compiled and does not run. */
        DISABLED,
        /** It does not compile: the start fails. */
        INVALID
    }

    public RuleCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
        expr = expr == null ? "" : expr;
    }
}
