package io.streamlake.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.RuleOutcome.RuleEffect;
import io.streamlake.schema.codec.json.JsonPayload;
import io.streamlake.schema.codec.json.JsonPayloadParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The compiled rules of one schema version, run in file order on one payload at a time. Thread-safe: each call keeps
 * its state on its own stack.
 */
final class VersionRules {

    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final JsonPayloadParser PARSER = new JsonPayloadParser();

    private final Schema schema;
    private final List<CompiledRule> rules;

    VersionRules(Schema schema, List<CompiledRule> rules) {
        this.schema = schema;
        this.rules = List.copyOf(rules);
    }

    RuleOutcome apply(Payload payload) {
        if (!(payload instanceof JsonPayload json)) {
            return new RuleOutcome.Broken(
                    rules.get(0).name(),
                    RuleOutcome.Broken.ERROR,
                    "rule '" + rules.get(0).name() + "' cannot read a "
                            + payload.getClass().getSimpleName() + ": rules run on JSON payloads",
                    payload,
                    List.of());
        }
        JsonPayload current = json;
        List<RuleEffect> effects = List.of();
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            String failure;
            String errorClass = RuleOutcome.Broken.ERROR;
            boolean deadLetter;
            if (rule instanceof CompiledRule.Condition condition) {
                deadLetter = condition.deadLetter();
                MessageView message = new MessageView(schema, current);
                Object result;
                try {
                    result = condition.program().eval(name -> switch (name) {
                        case "message" -> Optional.of(message);
                        case "params" -> Optional.of(condition.params());
                        default -> Optional.empty();
                    });
                } catch (CelEvaluationException | RuntimeException e) {
                    result = e;
                }
                if (Boolean.TRUE.equals(result)) {
                    continue;
                }
                if (Boolean.FALSE.equals(result)) {
                    errorClass = RuleOutcome.Broken.VIOLATION;
                    failure = "rule '" + rule.name() + "' failed: " + condition.expr() + " is false";
                } else {
                    failure = "rule '" + rule.name() + "' (" + condition.expr() + ") could not be evaluated: "
                            + describe(result);
                }
            } else {
                CompiledRule.FieldTransform transform = (CompiledRule.FieldTransform) rule;
                deadLetter = transform.deadLetter();
                ObjectNode copy = current.tree().deepCopy();
                try {
                    if (!walk(copy, schema, "$", transform, new MessageView(schema, copy))) {
                        continue;
                    }
                    current = reparse(copy);
                    effects = add(effects, new RuleEffect(rule.name(), RuleEffect.Kind.TRANSFORMED));
                    continue;
                } catch (TransformFailure e) {
                    failure = "rule '" + rule.name() + "' (" + transform.expr() + ") " + e.getMessage();
                } catch (RuntimeException e) {
                    // a value the schema's type does not describe (validation off): the data's fault, not the
                    // platform's
                    failure = "rule '" + rule.name() + "' (" + transform.expr() + ") could not read the payload: "
                            + describe(e);
                }
            }
            if (deadLetter) {
                return new RuleOutcome.Broken(rule.name(), errorClass, failure, current, effects);
            }
            effects = add(effects, new RuleEffect(rule.name(), RuleEffect.Kind.TOLERATED));
        }
        return new RuleOutcome.Passed(current, effects);
    }

    /**
     * Applies a transform to every selected field of {@code node} (a record of {@code record}) and of the records
     * inside it.
     *
     * @return whether a field's value changed
     */
    private boolean walk(
            ObjectNode node, Schema record, String path, CompiledRule.FieldTransform rule, MessageView message) {
        boolean changed = false;
        for (Schema.Field field : record.getFields()) {
            JsonNode value = node.get(field.name());
            String at = path + "." + field.name();
            if (rule.selects(field)) {
                JsonNode replaced = transform(field, value, at, rule, message);
                if (replaced != null) {
                    node.set(field.name(), replaced);
                    changed = true;
                    continue;
                }
            }
            if (value != null) {
                changed |= nested(field.schema(), value, at, rule, message);
            }
        }
        return changed;
    }

    private boolean nested(
            Schema schema, JsonNode value, String path, CompiledRule.FieldTransform rule, MessageView m) {
        Schema type = schema.getType() == Schema.Type.UNION ? AvroCelTypes.nonNull(schema.getTypes()) : schema;
        if (type == null || value.isNull()) {
            return false;
        }
        boolean changed = false;
        switch (type.getType()) {
            case RECORD -> {
                if (value instanceof ObjectNode object) {
                    changed = walk(object, type, path, rule, m);
                }
            }
            case ARRAY -> {
                for (int i = 0; i < value.size(); i++) {
                    changed |= nested(type.getElementType(), value.get(i), path + "[" + i + "]", rule, m);
                }
            }
            case MAP -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    changed |= nested(type.getValueType(), e.getValue(), path + "." + e.getKey(), rule, m);
                }
            }
            default -> {}
        }
        return changed;
    }

    /** The field's new value, or null when the guard is false or the value is the same. */
    private JsonNode transform(
            Schema.Field field, JsonNode value, String path, CompiledRule.FieldTransform rule, MessageView message) {
        Object celValue = value == null ? CelValues.absent(field) : CelValues.of(field.schema(), value);
        String typeName = CelValues.typeName(field.schema());
        List<String> tags = rule.fieldTags().getOrDefault(field, List.of());
        dev.cel.runtime.CelVariableResolver vars = name -> switch (name) {
            case "name" -> Optional.of(field.name());
            case "typeName" -> Optional.of(typeName);
            case "tags" -> Optional.of(tags);
            case "value" -> Optional.of(celValue);
            case "message" -> Optional.of(message);
            case "params" -> Optional.of(rule.params());
            default -> Optional.empty();
        };
        if (rule.guard() != null) {
            Object guard = eval(rule.guard(), vars, path, "its guard");
            if (!Boolean.TRUE.equals(guard)) {
                if (Boolean.FALSE.equals(guard)) {
                    return null;
                }
                throw new TransformFailure("guard gave " + guard + " for " + path + " instead of true or false");
            }
        }
        Object result = eval(rule.value(), vars, path, "its value");
        JsonNode json = CelValues.toJson(result);
        if (json == null || !CelValues.fits(field.schema(), json)) {
            throw new TransformFailure(
                    "gave " + path + " a value that does not fit its type " + typeName + ": " + describe(result));
        }
        return json.equals(value) ? null : json;
    }

    private static Object eval(
            CelRuntime.Program program, dev.cel.runtime.CelVariableResolver vars, String path, String what) {
        try {
            return program.eval(vars);
        } catch (CelEvaluationException | RuntimeException e) {
            throw new TransformFailure("could not evaluate " + what + " for " + path + ": " + describe(e));
        }
    }

    private static JsonPayload reparse(ObjectNode node) {
        try {
            ParseOutcome parsed = PARSER.parse(WRITER.writeValueAsBytes(node));
            if (parsed instanceof ParseOutcome.Parsed ok && ok.payload() instanceof JsonPayload json) {
                return json;
            }
            throw new TransformFailure("made a payload that does not parse: " + parsed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TransformFailure("made a payload that cannot be written: " + e.getOriginalMessage());
        }
    }

    private static List<RuleEffect> add(List<RuleEffect> effects, RuleEffect effect) {
        List<RuleEffect> out = new ArrayList<>(effects);
        out.add(effect);
        return out;
    }

    private static String describe(Object result) {
        if (result instanceof Throwable t) {
            return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        return "it gave " + result + " instead of true or false";
    }

    /** A transform that cannot be applied to this payload; becomes the rule's failure. */
    private static final class TransformFailure extends RuntimeException {
        TransformFailure(String message) {
            super(message, null, false, false);
        }
    }
}
