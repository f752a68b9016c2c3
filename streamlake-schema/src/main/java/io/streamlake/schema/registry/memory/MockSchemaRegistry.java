package io.streamlake.schema.registry.memory;

import io.streamlake.schema.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory registries for {@code mock://<scope>} URLs, one per scope and shared by every client of that
 * scope in the JVM (as Confluent's {@code MockSchemaRegistry}). They enforce compatibility with Avro's
 * {@code SchemaCompatibility} under NONE, BACKWARD (the default), FORWARD, FULL and their transitive forms,
 * and answer errors as a Confluent registry would (status and {@code error_code}). Thread-safe.
 */
public final class MockSchemaRegistry {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {}

    /** The client of {@code scope}'s registry, created empty on first use. */
    public static SchemaRegistryClient client(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("mock registry scope must not be blank (use mock://<scope>)");
        }
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient("mock://" + s));
    }

    /** Forgets everything registered in {@code scope}; later clients of the scope start empty. */
    public static void reset(String scope) {
        SCOPES.remove(scope);
    }
}
