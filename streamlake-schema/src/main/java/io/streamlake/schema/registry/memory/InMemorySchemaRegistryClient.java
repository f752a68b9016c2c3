package io.streamlake.schema.registry.memory;

import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.CompatibilityResult;
import io.streamlake.schema.registry.RegisteredSchema;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryException;
import io.streamlake.schema.registry.compat.AvroCompatibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/** One mock registry: subjects, versions, global ids, compatibility levels. All methods synchronized. */
final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final String url;
    private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    /** The rule set of each {@code subject/version} registered with one. */
    private final Map<String, String> ruleSets = new HashMap<>();

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    InMemorySchemaRegistryClient(String url) {
        this.url = url;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Optional<RegisteredSchema> existing = lookup(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        CompatibilityResult compatibility = checkCompatibility(subject, schema);
        if (!compatibility.compatible()) {
            throw new SchemaRegistryException(
                    url,
                    409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + compatibility.messages());
        }
        String text = schema.toString();
        int id = idsByText.computeIfAbsent(text, t -> nextId++);
        schemasById.putIfAbsent(id, schema);
        List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        versions.add(new RegisteredSchema(subject, id, version, schema));
        return id;
    }

    /**
     * As Confluent's registry: the rule set is kept with the version; the same schema with another rule set is a new
     * version (and id), the same schema with the same rule set is the existing one.
     */
    @Override
    public synchronized int register(String subject, Schema schema, String ruleSetJson) {
        String ruleSet = normalized(ruleSetJson);
        List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
        String text = schema.toString();
        for (RegisteredSchema r : versions) {
            if (r.schema().toString().equals(text) && ruleSet.equals(ruleSets.get(subject + "/" + r.version()))) {
                return r.id();
            }
        }
        CompatibilityResult compatibility = checkCompatibility(subject, schema);
        if (!compatibility.compatible()) {
            throw new SchemaRegistryException(
                    url,
                    409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + compatibility.messages());
        }
        int id = idsByText.computeIfAbsent(text + "\n" + ruleSet, t -> nextId++);
        schemasById.putIfAbsent(id, schema);
        List<RegisteredSchema> own = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        int version = own.isEmpty() ? 1 : own.get(own.size() - 1).version() + 1;
        own.add(new RegisteredSchema(subject, id, version, schema));
        ruleSets.put(subject + "/" + version, ruleSet);
        return id;
    }

    @Override
    public synchronized Optional<String> ruleSet(String subject, int version) {
        return Optional.ofNullable(ruleSets.get(subject + "/" + version));
    }

    private String normalized(String json) {
        try {
            return JSON.readTree(json).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SchemaRegistryException(url, 422, 42201, "Invalid ruleSet: " + e.getOriginalMessage());
        }
    }

    @Override
    public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        String text = schema.toString();
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(r -> r.schema().toString().equals(text))
                .findFirst();
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(url, 404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized Optional<RegisteredSchema> latest(String subject) {
        List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream()
                .map(RegisteredSchema::version)
                .toList();
    }

    @Override
    public synchronized CompatibilityResult checkCompatibility(String subject, Schema schema) {
        List<Schema> existing = subjects.getOrDefault(subject, List.of()).stream()
                .map(RegisteredSchema::schema)
                .toList();
        return AvroCompatibility.check(subjectLevels.getOrDefault(subject, globalLevel), schema, existing);
    }

    @Override
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    @Override
    public synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, level);
    }

    @Override
    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        globalLevel = java.util.Objects.requireNonNull(level, "level");
    }
}
