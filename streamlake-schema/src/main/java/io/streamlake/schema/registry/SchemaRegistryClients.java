package io.streamlake.schema.registry;

/** Creates registry clients. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

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
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(new RegistryHttp(settings)));
    }
}
