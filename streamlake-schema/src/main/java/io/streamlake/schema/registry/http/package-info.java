/**
 * The Confluent REST client: HTTP transport with authentication, TLS trust, timeouts and retries
 * ({@code RegistryHttp}), the REST calls ({@code RestSchemaRegistryClient}) and the cache of what cannot change
 * ({@code CachingSchemaRegistryClient}). Package-private behind {@link io.streamlake.schema.registry.http.HttpRegistryClients}.
 */
package io.streamlake.schema.registry.http;
