package io.streamlake.schema.registry.http;

import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.CompatibilityResult;
import io.streamlake.schema.registry.RegisteredSchema;
import io.streamlake.schema.registry.SchemaRegistryClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers what cannot change in a registry: the id of a schema registered under a subject, and the
 * schema of an id. Everything else (latest, versions, compatibility, config) is asked every time.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public String url() {
        return delegate.url();
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer known = ids(subject).get(schema);
        if (known != null) {
            return known;
        }
        int id = delegate.register(subject, schema);
        ids(subject).put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** Not cached: the id depends on the rule set too. */
    @Override
    public int register(String subject, Schema schema, String ruleSetJson) {
        int id = delegate.register(subject, schema, ruleSetJson);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Optional<String> ruleSet(String subject, int version) {
        return delegate.ruleSet(subject, version);
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        Optional<RegisteredSchema> found = delegate.lookup(subject, schema);
        found.ifPresent(r -> {
            ids(subject).put(schema, r.id());
            schemasById.putIfAbsent(r.id(), schema);
        });
        return found;
    }

    @Override
    public Schema schemaById(int id) {
        Schema known = schemasById.get(id);
        if (known != null) {
            return known;
        }
        Schema schema = delegate.schemaById(id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        Optional<RegisteredSchema> latest = delegate.latest(subject);
        latest.ifPresent(r -> schemasById.putIfAbsent(r.id(), r.schema()));
        return latest;
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        return delegate.versions(subject);
    }

    @Override
    public CompatibilityResult checkCompatibility(String subject, Schema schema) {
        return delegate.checkCompatibility(subject, schema);
    }

    @Override
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return delegate.subjectCompatibility(subject);
    }

    @Override
    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        delegate.setSubjectCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return delegate.globalCompatibility();
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        delegate.setGlobalCompatibility(level);
    }

    private Map<Schema, Integer> ids(String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }
}
