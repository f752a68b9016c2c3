package io.streamlake.schema.registry.http;

import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;

/**
 * Creates clients of an HTTP registry. Callers use {@code io.streamlake.schema.SchemaRegistryClients.create},
 * which picks this for {@code http(s)://} URLs and the in-memory registry for {@code mock://}.
 */
public final class HttpRegistryClients {

    private HttpRegistryClients() {}

    /**
     * A caching client of the registry at {@code settings.url()}: schema → id and id → schema answers are
     * remembered, everything else is asked every time. Thread-safe. Creating it does not contact the registry.
     *
     * @throws io.streamlake.core.domain.FatalStreamLakeException when the trust store cannot be loaded
     */
    public static SchemaRegistryClient caching(RegistrySettings settings) {
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(new RegistryHttp(settings)));
    }
}
