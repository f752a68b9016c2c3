package io.streamlake.schema.testing;

import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.CompatibilityResult;
import io.streamlake.schema.registry.RegisteredSchema;
import io.streamlake.schema.registry.SchemaRegistryClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** Counts every call before passing it to a real client. */
public final class CountingRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final AtomicInteger calls = new AtomicInteger();

    public CountingRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public String url() {
        return delegate.url();
    }

    @Override
    public int register(String subject, Schema schema) {
        calls.incrementAndGet();
        return delegate.register(subject, schema);
    }

    @Override
    public int register(String subject, Schema schema, String ruleSetJson) {
        calls.incrementAndGet();
        return delegate.register(subject, schema, ruleSetJson);
    }

    @Override
    public java.util.Optional<String> ruleSet(String subject, int version) {
        calls.incrementAndGet();
        return delegate.ruleSet(subject, version);
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        calls.incrementAndGet();
        return delegate.lookup(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        calls.incrementAndGet();
        return delegate.schemaById(id);
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        calls.incrementAndGet();
        return delegate.latest(subject);
    }

    @Override
    public List<String> subjects() {
        calls.incrementAndGet();
        return delegate.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        calls.incrementAndGet();
        return delegate.versions(subject);
    }

    @Override
    public CompatibilityResult checkCompatibility(String subject, Schema schema) {
        calls.incrementAndGet();
        return delegate.checkCompatibility(subject, schema);
    }

    @Override
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        calls.incrementAndGet();
        return delegate.subjectCompatibility(subject);
    }

    @Override
    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        calls.incrementAndGet();
        delegate.setSubjectCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        calls.incrementAndGet();
        return delegate.globalCompatibility();
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        calls.incrementAndGet();
        delegate.setGlobalCompatibility(level);
    }
}
