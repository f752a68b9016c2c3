/**
 * The in-memory registry behind {@code mock://<scope>} URLs: {@link io.streamlake.schema.registry.memory.MockSchemaRegistry}
 * holds one per scope; the client itself is package-private.
 */
package io.streamlake.schema.registry.memory;
