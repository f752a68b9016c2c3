package io.streamlake.schema.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.CompatibilityResult;
import io.streamlake.schema.registry.RegisteredSchema;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The Confluent REST API over {@link RegistryHttp}, without caching. Tolerates {@code application/json}
 * answers, unknown fields and {@code compatibilityLevel} in place of {@code compatibility}; "not found"
 * answers (404 with an {@code error_code}) become empty results where the interface allows them.
 */
final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttp http;

    RestSchemaRegistryClient(RegistryHttp http) {
        this.http = http;
    }

    @Override
    public String url() {
        return http.url();
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode answer = http.send("POST", "/subjects/" + enc(subject) + "/versions", body(schema));
        return requiredInt(answer, "id", "register");
    }

    @Override
    public int register(String subject, Schema schema, String ruleSetJson) {
        JsonNode ruleSet;
        try {
            ruleSet = http.json.readTree(ruleSetJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("ruleSet is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("schema", schema.toString());
        body.put("ruleSet", ruleSet);
        JsonNode answer = http.send("POST", "/subjects/" + enc(subject) + "/versions", body);
        return requiredInt(answer, "id", "register");
    }

    @Override
    public Optional<String> ruleSet(String subject, int version) {
        try {
            JsonNode answer = http.send("GET", "/subjects/" + enc(subject) + "/versions/" + version, null);
            JsonNode ruleSet = answer.get("ruleSet");
            return ruleSet == null || ruleSet.isNull() ? Optional.empty() : Optional.of(ruleSet.toString());
        } catch (SchemaRegistryException e) {
            return notFound(e);
        }
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        try {
            return Optional.of(
                    registered(subject, http.send("POST", "/subjects/" + enc(subject), body(schema)), schema));
        } catch (SchemaRegistryException e) {
            return notFound(e);
        }
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode answer = http.send("GET", "/schemas/ids/" + id, null);
        return parse(answer.path("schema").asText(null), "schema id " + id);
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        try {
            return Optional.of(registered(
                    subject, http.send("GET", "/subjects/" + enc(subject) + "/versions/latest", null), null));
        } catch (SchemaRegistryException e) {
            return notFound(e);
        }
    }

    @Override
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        http.send("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public List<Integer> versions(String subject) {
        try {
            List<Integer> out = new ArrayList<>();
            http.send("GET", "/subjects/" + enc(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
            out.sort(null);
            return out;
        } catch (SchemaRegistryException e) {
            notFound(e);
            return List.of();
        }
    }

    @Override
    public CompatibilityResult checkCompatibility(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = http.send(
                    "POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest?verbose=true", body(schema));
        } catch (SchemaRegistryException e) {
            notFound(e);
            return new CompatibilityResult(true, List.of("subject " + subject + " has no versions yet"));
        }
        JsonNode flag = answer.has("is_compatible") ? answer.get("is_compatible") : answer.get("isCompatible");
        if (flag == null || !flag.isBoolean()) {
            throw new SchemaRegistryException(url(), 200, 0, "compatibility answer has no is_compatible: " + answer);
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.isTextual() ? m.textValue() : m.toString()));
        return new CompatibilityResult(flag.booleanValue(), messages);
    }

    @Override
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        try {
            return Optional.of(level(http.send("GET", "/config/" + enc(subject), null)));
        } catch (SchemaRegistryException e) {
            return notFound(e);
        }
    }

    @Override
    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        http.send("PUT", "/config/" + enc(subject), Map.of("compatibility", level.name()));
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return level(http.send("GET", "/config", null));
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        http.send("PUT", "/config", Map.of("compatibility", level.name()));
    }

    private CompatibilityLevel level(JsonNode answer) {
        String text = answer.hasNonNull("compatibilityLevel")
                ? answer.get("compatibilityLevel").asText()
                : answer.hasNonNull("compatibility")
                        ? answer.get("compatibility").asText()
                        : null;
        if (text == null) {
            throw new SchemaRegistryException(url(), 200, 0, "config answer has no compatibility level: " + answer);
        }
        return CompatibilityLevel.parse(text);
    }

    private RegisteredSchema registered(String subject, JsonNode answer, Schema known) {
        Schema schema = known != null ? known : parse(answer.path("schema").asText(null), "subject " + subject);
        return new RegisteredSchema(
                answer.path("subject").asText(subject),
                requiredInt(answer, "id", subject),
                requiredInt(answer, "version", subject),
                schema);
    }

    private int requiredInt(JsonNode answer, String field, String context) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException(
                    url(), 200, 0, "answer for " + context + " has no integer '" + field + "': " + answer);
        }
        return value.asInt();
    }

    private Schema parse(String text, String context) {
        if (text == null) {
            throw new SchemaRegistryException(url(), 200, 0, "answer for " + context + " has no schema");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(url(), 200, 0, context + " is not an Avro schema: " + e.getMessage());
        }
    }

    /** Empty for a registry "not found" (404 with an error code); rethrows anything else. */
    private static <T> Optional<T> notFound(SchemaRegistryException e) {
        if (e.status() == 404 && e.errorCode() >= 40400 && e.errorCode() < 40500) {
            return Optional.empty();
        }
        throw e;
    }

    private static Map<String, String> body(Schema schema) {
        return Map.of("schema", schema.toString());
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
