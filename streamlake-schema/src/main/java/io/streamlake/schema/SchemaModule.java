package io.streamlake.schema;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.PreparedSchema;
import io.streamlake.schema.registry.SchemaPreflight;
import io.streamlake.schema.registry.SchemaRegistryClient;
import java.util.Optional;

/**
 * The schema module, assembled from a {@link SchemaConfig} by {@link SchemaModuleFactory}: the ports the core
 * needs (parser, validator, serializer) plus the catalog, the registry client, the preflight and a decoder.
 * Everything here is thread-safe and meant to be created once per process.
 *
 * @param serialization which codec {@link #serializer()} is
 */
public record SchemaModule(SchemaConfig.Serialization serialization, PayloadParser parser, PayloadValidator validator,
                           PayloadSerializer serializer, SchemaCatalog catalog, SchemaRegistryClient registry,
                           SchemaPreflight preflight, AvroWireDecoder decoder) {

    /**
     * Start-up checks for the Avro codec, before any event is published: the registry answers
     * ({@code GET /subjects}), and the dataset's version (empty: latest) is registered or checked under the
     * configured mode. Does nothing for the JSON codec except resolving the catalog version.
     *
     * @return the prepared schema for Avro, empty for JSON
     * @throws io.streamlake.core.domain.FatalStreamLakeException unknown dataset or version, refused
     *         credentials, or an incompatible schema (message names subject, version and reason)
     * @throws io.streamlake.core.domain.RetriableStreamLakeException the registry cannot be reached (names the URL)
     */
    public Optional<PreparedSchema> prepare(DatasetName dataset, Optional<SchemaVersion> version) {
        if (serialization != SchemaConfig.Serialization.AVRO) {
            try {
                catalog.require(dataset, version);
            } catch (IllegalArgumentException e) {
                throw new io.streamlake.core.domain.FatalStreamLakeException(e.getMessage(), e);
            }
            return Optional.empty();
        }
        return Optional.of(preflight.prepare(dataset, version));
    }

    /**
     * Fails fast when the Avro codec is chosen and the registry does not answer {@code GET /subjects}.
     * Does nothing for the JSON codec.
     *
     * @throws io.streamlake.core.domain.RetriableStreamLakeException naming the URL when it cannot be reached
     * @throws io.streamlake.core.domain.FatalStreamLakeException when it refuses the credentials
     */
    public void verifyRegistryReachable() {
        if (serialization == SchemaConfig.Serialization.AVRO) {
            registry.subjects();
        }
    }
}
