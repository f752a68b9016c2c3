package io.streamlake.test;

import java.util.Objects;

/**
 * A Schema Registry a test talks to through the Confluent REST API. Thread-safe, immutable.
 */
public final class RegistryEndpoint {

    private final String url;
    private final String description;

    private RegistryEndpoint(String url, String description) {
        this.url = Objects.requireNonNull(url, "url");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** An endpoint for any registry, by its Confluent-compatible base URL. */
    public static RegistryEndpoint of(String url) {
        return new RegistryEndpoint(url, "registry at " + url);
    }

    /** An endpoint for any registry, with {@code description} naming it in messages. */
    public static RegistryEndpoint of(String url, String description) {
        return new RegistryEndpoint(url, description);
    }

    /**
     * The Confluent-compatible API base without a trailing slash, e.g.
     * {@code http://127.0.0.1:41234/apis/ccompat/v7} for the embedded Apicurio Registry.
     */
    public String url() {
        return url;
    }

    /** Where the registry comes from (external or embedded), for messages. */
    public String description() {
        return description;
    }

    /** A new subject name {@code <base>-<run>-<n>}; pass e.g. {@code "orders-value"}. */
    public String uniqueSubject(String base) {
        return UniqueNames.of(base);
    }

    @Override
    public String toString() {
        return "RegistryEndpoint[" + description + "]";
    }
}
