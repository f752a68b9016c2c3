/**
 * Compatibility between the catalog and a registry: Avro's reader/writer rules applied as registries apply them
 * ({@link io.streamlake.schema.registry.compat.AvroCompatibility}), and the preflight that checks or registers each
 * catalog version before any event is published ({@link io.streamlake.schema.registry.compat.SchemaPreflight},
 * giving a {@link io.streamlake.schema.registry.compat.PreparedSchema} or an
 * {@link io.streamlake.schema.registry.compat.EvolutionCheck}).
 */
package io.streamlake.schema.registry.compat;
