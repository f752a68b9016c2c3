package io.streamlake.schema.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.core.domain.InvalidRulesException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rules file: one JSON object with {@code domainRules} (and optionally {@code migrationRules},
 * {@code encodingRules}), each an array of rule objects. Checks the JSON shape only; a file that is not this shape
 * fails with {@link InvalidRulesException} naming the file, the rule and the line and column. Thread-safe.
 */
public final class RuleSetReader {

    /** The members of Confluent's {@code Rule}. */
    private static final Set<String> KNOWN = Set.of(
            "name", "doc", "kind", "mode", "type", "tags", "params", "expr", "onSuccess", "onFailure", "disabled");

    private static final Set<String> SETS = Set.of("domainRules", "migrationRules", "encodingRules");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private RuleSetReader() {}

    /**
     * @param source the file's name, for messages
     * @param text   its content
     * @throws InvalidRulesException when the text is not a rules file
     */
    public static RuleSet read(String source, String text) {
        Map<String, List<RuleSpec>> sets = new LinkedHashMap<>();
        ObjectNode whole = MAPPER.createObjectNode();
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(source, "is not a JSON object with domainRules", p.currentTokenLocation());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                if (!SETS.contains(member)) {
                    throw invalid(
                            source,
                            "has an unknown member '" + member + "' (a ruleSet has domainRules, migrationRules and"
                                    + " encodingRules)",
                            at);
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw invalid(source, member + " is not an array", p.currentTokenLocation());
                }
                List<RuleSpec> rules = new ArrayList<>();
                ArrayNode arrayJson = whole.putArray(member);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation start = p.currentTokenLocation();
                    JsonNode node = MAPPER.readTree(p);
                    arrayJson.add(node);
                    rules.add(rule(source, member, rules.size(), node, position(start)));
                }
                sets.put(member, rules);
            }
            if (p.nextToken() != null) {
                throw invalid(source, "has more than one JSON value", p.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(
                    source + " is not valid JSON at " + position(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidRulesException(source + " cannot be read: " + e.getMessage(), e);
        }
        return new RuleSet(
                source,
                sets.getOrDefault("domainRules", List.of()),
                sets.getOrDefault("migrationRules", List.of()),
                sets.getOrDefault("encodingRules", List.of()),
                whole.toString());
    }

    private static RuleSpec rule(String source, String set, int index, JsonNode node, String position) {
        String label = source + ": " + set + " rule #" + (index + 1) + " (" + position + ")";
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidRulesException(label + " is not a JSON object");
        }
        if (object.hasNonNull("name") && object.get("name").isTextual()) {
            label = source + ": " + set + " rule '" + object.get("name").textValue() + "' (" + position + ")";
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                unknown.add(name);
            }
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = object.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            if (!tagNode.isArray()) {
                throw new InvalidRulesException(label + ": tags is not an array of strings");
            }
            for (JsonNode tag : tagNode) {
                if (!tag.isTextual()) {
                    throw new InvalidRulesException(label + ": tags is not an array of strings");
                }
                tags.add(tag.textValue());
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramNode = object.get("params");
        if (paramNode != null && !paramNode.isNull()) {
            if (!paramNode.isObject()) {
                throw new InvalidRulesException(label + ": params is not an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = paramNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new InvalidRulesException(
                            label + ": params." + e.getKey() + " is not a string (Confluent's params are strings)");
                }
                params.put(e.getKey(), e.getValue().textValue());
            }
        }
        JsonNode disabled = object.get("disabled");
        if (disabled != null && !disabled.isNull() && !disabled.isBoolean()) {
            throw new InvalidRulesException(label + ": disabled is not true or false");
        }
        return new RuleSpec(
                text(object, "name", label),
                text(object, "kind", label),
                text(object, "type", label),
                text(object, "mode", label),
                text(object, "expr", label),
                text(object, "onSuccess", label),
                text(object, "onFailure", label),
                tags,
                params,
                disabled != null && disabled.booleanValue(),
                text(object, "doc", label),
                unknown,
                position);
    }

    private static String text(ObjectNode object, String member, String label) {
        JsonNode node = object.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRulesException(label + ": " + member + " is not a string");
        }
        return node.textValue();
    }

    private static InvalidRulesException invalid(String source, String what, JsonLocation at) {
        return new InvalidRulesException(source + " " + what + " (" + position(at) + ")");
    }

    /** {@code line 3, column 5}. */
    static String position(JsonLocation at) {
        return at == null ? "unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
