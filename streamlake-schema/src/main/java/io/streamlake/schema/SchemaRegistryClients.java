package io.streamlake.schema;

import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.http.HttpRegistryClients;
import io.streamlake.schema.registry.memory.MockSchemaRegistry;

/**
 * Creates registry clients: the one entry point to the HTTP client ({@code registry.http}) and the in-memory
 * registry ({@code registry.memory}), whose classes stay package-private behind it.
 */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {}

    /**
     * A client for {@code settings.url()}: for {@code mock://<scope>} the in-memory registry of that scope
     * (shared within the JVM, see {@link MockSchemaRegistry}); otherwise a caching HTTP client, whose
     * schema → id and id → schema answers are remembered so that the hot path never calls the registry.
     * Creating a client does not contact the registry.
     *
     * @throws io.streamlake.core.domain.FatalStreamLakeException when the trust store cannot be loaded
     */
    public static SchemaRegistryClient create(RegistrySettings settings) {
        if (settings.isMock()) {
            return MockSchemaRegistry.client(settings.url().substring("mock://".length()));
        }
        return HttpRegistryClients.caching(settings);
    }
}
