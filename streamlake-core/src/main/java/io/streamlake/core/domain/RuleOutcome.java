package io.streamlake.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the data-contract rules of a payload's schema version decided ({@link io.streamlake.core.port.out.PayloadRules}):
 * publish the payload, as the transforms left it, or dead-letter it at stage {@link DlqStage#RULE}.
 */
public sealed interface RuleOutcome {

    /**
     * Every rule passed, or failed with {@code onFailure: NONE}: the event is published.
     *
     * @param payload the payload to serialize: the one given when no transform changed a field, else the transformed
     *                one (RAW never holds the original value of a transformed field)
     * @param effects what the rules did, in rule order: transforms that changed a field, violations that were
     *                tolerated; empty when no rule did anything
     */
    record Passed(Payload payload, List<RuleEffect> effects) implements RuleOutcome {
        public Passed {
            Objects.requireNonNull(payload, "payload");
            effects = List.copyOf(effects);
        }
    }

    /**
     * A rule failed with {@code onFailure: DLQ} (or {@code ERROR}, taken as {@code DLQ}): its condition was false or
     * could not be evaluated, or its transform could not be applied. The event is dead-lettered with this rule's
     * name.
     *
     * @param rule       the rule's name, for the {@code dlq_rule} header
     * @param errorClass {@code RuleViolation} (a condition was false) or {@code RuleError} (a rule could not be
     *                   evaluated)
     * @param reason     names the rule and its expression
     * @param payload    the payload as the rules before this one left it (an earlier transform's field is already
     *                   replaced, so the dead letter does not hold its original value either)
     * @param effects    what the rules before this one did
     */
    record Broken(String rule, String errorClass, String reason, Payload payload, List<RuleEffect> effects)
            implements RuleOutcome {
        public static final String VIOLATION = "RuleViolation";
        public static final String ERROR = "RuleError";

        public Broken {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(errorClass, "errorClass");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(payload, "payload");
            effects = List.copyOf(effects);
        }
    }

    /**
     * One rule's effect on one event.
     *
     * @param rule the rule's name
     * @param kind what it did
     */
    record RuleEffect(String rule, Kind kind) {
        public RuleEffect {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(kind, "kind");
        }

        /** What a rule did to an event. */
        public enum Kind {
            /** A transform replaced at least one field's value. */
            TRANSFORMED,
            /** A condition failed with {@code onFailure: NONE}: the event was published anyway. */
            TOLERATED,
            /** A rule dead-lettered the event (counted when the dead letter is acknowledged). */
            DEAD_LETTERED
        }
    }
}
