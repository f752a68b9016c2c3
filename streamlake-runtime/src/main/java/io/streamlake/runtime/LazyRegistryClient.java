package io.streamlake.runtime;

import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.CompatibilityResult;
import io.streamlake.schema.registry.RegisteredSchema;
import io.streamlake.schema.registry.SchemaRegistryClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} created on its first call. With {@code serialization=json} nothing on the publish
 * path calls the registry, and creating the HTTP client costs start-up time for nothing (its TLS context alone is
 * about a third of a second of class loading and initialisation), so {@link SchemaCodecModule} defers it. Creating a
 * client contacts no registry, so deferring it changes no answer and no error message. Thread-safe.
 */
final class LazyRegistryClient implements SchemaRegistryClient {

    private final String url;
    private final Supplier<SchemaRegistryClient> factory;
    private volatile SchemaRegistryClient client;

    LazyRegistryClient(String url, Supplier<SchemaRegistryClient> factory) {
        this.url = url;
        this.factory = factory;
    }

    private SchemaRegistryClient client() {
        SchemaRegistryClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = factory.get();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public int register(String subject, Schema schema) {
        return client().register(subject, schema);
    }

    @Override
    public int register(String subject, Schema schema, String ruleSetJson) {
        return client().register(subject, schema, ruleSetJson);
    }

    @Override
    public java.util.Optional<String> ruleSet(String subject, int version) {
        return client().ruleSet(subject, version);
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        return client().lookup(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        return client().schemaById(id);
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        return client().latest(subject);
    }

    @Override
    public List<String> subjects() {
        return client().subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        return client().versions(subject);
    }

    @Override
    public CompatibilityResult checkCompatibility(String subject, Schema schema) {
        return client().checkCompatibility(subject, schema);
    }

    @Override
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return client().subjectCompatibility(subject);
    }

    @Override
    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        client().setSubjectCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return client().globalCompatibility();
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        client().setGlobalCompatibility(level);
    }

    @Override
    public String toString() {
        return client == null ? "registry client for " + url + " (not yet created)" : client.toString();
    }
}
