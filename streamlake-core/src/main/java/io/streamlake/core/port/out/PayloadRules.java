package io.streamlake.core.port.out;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.SchemaVersion;

/**
 * The data-contract rules of each dataset's schema versions: conditions an event's values must satisfy and
 * transforms of tagged fields, run after validation and before serialization, on every path that publishes.
 * Implementations compile their rules when they are created (an invalid rule fails the start with
 * {@link io.streamlake.core.domain.InvalidRulesException}), never per event. Thread-safe.
 */
public interface PayloadRules {

    /**
     * Applies the rules of {@code version} of {@code dataset} to a payload that passed validation against that
     * version. A version without rules gives {@link RuleOutcome.Passed} with the same payload.
     *
     * @return the payload to publish, or the rule that dead-letters the event; never null. Bad data never throws: a
     *         condition that cannot be evaluated, or a transform whose result does not fit its field, is a
     *         {@link RuleOutcome.Broken} (or tolerated, with {@code onFailure: NONE})
     */
    RuleOutcome apply(DatasetName dataset, SchemaVersion version, Payload payload);

    /** No rules: every payload passes unchanged. */
    static PayloadRules none() {
        return NoRules.INSTANCE;
    }
}
