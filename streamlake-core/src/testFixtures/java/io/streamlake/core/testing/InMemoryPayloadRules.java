package io.streamlake.core.testing;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.out.PayloadRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An in-memory {@link PayloadRules} over {@link KeyValuePayload}s: named conditions (Java predicates on the fields)
 * and field masks, per dataset, applied in the order they were added, whatever the version. Configure before use;
 * thread-safe to apply.
 */
public final class InMemoryPayloadRules implements PayloadRules {

    private sealed interface Rule {
        String name();
    }

    private record Condition(String name, Predicate<Map<String, String>> test, boolean deadLetter) implements Rule {}

    private record Mask(String name, String field, String value) implements Rule {}

    private final Map<DatasetName, List<Rule>> rules = new HashMap<>();

    /** A condition; {@code deadLetter} false means {@code onFailure: NONE}. A predicate that throws is an error. */
    public InMemoryPayloadRules condition(
            DatasetName dataset, String name, Predicate<Map<String, String>> test, boolean deadLetter) {
        rules.computeIfAbsent(dataset, d -> new CopyOnWriteArrayList<>()).add(new Condition(name, test, deadLetter));
        return this;
    }

    /** A transform that replaces {@code field}'s value, when the payload has it, by {@code value}. */
    public InMemoryPayloadRules mask(DatasetName dataset, String name, String field, String value) {
        rules.computeIfAbsent(dataset, d -> new CopyOnWriteArrayList<>()).add(new Mask(name, field, value));
        return this;
    }

    @Override
    public RuleOutcome apply(DatasetName dataset, SchemaVersion version, Payload payload) {
        List<RuleOutcome.RuleEffect> effects = new ArrayList<>();
        KeyValuePayload current = (KeyValuePayload) payload;
        for (Rule rule : rules.getOrDefault(dataset, List.of())) {
            if (rule instanceof Mask mask) {
                if (current.fields().containsKey(mask.field())) {
                    Map<String, String> fields = new java.util.LinkedHashMap<>(current.fields());
                    fields.put(mask.field(), mask.value());
                    current = KeyValuePayloadParser.payloadOf(fields);
                    effects.add(new RuleOutcome.RuleEffect(mask.name(), RuleOutcome.RuleEffect.Kind.TRANSFORMED));
                }
                continue;
            }
            Condition condition = (Condition) rule;
            boolean passed;
            String errorClass = RuleOutcome.Broken.VIOLATION;
            try {
                passed = condition.test().test(current.fields());
            } catch (RuntimeException e) {
                passed = false;
                errorClass = RuleOutcome.Broken.ERROR;
            }
            if (passed) {
                continue;
            }
            if (!condition.deadLetter()) {
                effects.add(new RuleOutcome.RuleEffect(condition.name(), RuleOutcome.RuleEffect.Kind.TOLERATED));
                continue;
            }
            return new RuleOutcome.Broken(
                    condition.name(), errorClass, "rule '" + condition.name() + "' failed", current, effects);
        }
        return new RuleOutcome.Passed(current, effects);
    }
}
