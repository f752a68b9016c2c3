/**
 * The Schema Registry client API: {@link io.streamlake.schema.registry.SchemaRegistryClient}, what it answers
 * ({@link io.streamlake.schema.registry.RegisteredSchema}, {@link io.streamlake.schema.registry.CompatibilityLevel},
 * {@link io.streamlake.schema.registry.CompatibilityResult}), how to reach a registry
 * ({@link io.streamlake.schema.registry.RegistrySettings}), subject naming strategies, and the failures (retriable
 * {@link io.streamlake.schema.registry.SchemaRegistryUnavailableException}, fatal
 * {@link io.streamlake.schema.registry.SchemaRegistryException}). Clients come from
 * {@code io.streamlake.schema.SchemaRegistryClients}; the implementations live in {@code registry.http} and
 * {@code registry.memory}, the compatibility checks against the catalog in {@code registry.compat}.
 */
package io.streamlake.schema.registry;
