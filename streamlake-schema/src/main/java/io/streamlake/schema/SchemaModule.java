package io.streamlake.schema;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.compat.PreparedSchema;
import io.streamlake.schema.registry.compat.SchemaPreflight;
import java.util.Optional;

/**
 * The schema module, assembled from a {@link SchemaConfig} by {@link SchemaModuleFactory}: the ports the core
 * needs (parser, validator, serializer) plus the catalog, the registry client, the preflight and a decoder.
 * Everything here is thread-safe and meant to be created once per process.
 */
public final class SchemaModule {

    private final SchemaConfig.Serialization serialization;
    private final PayloadParser parser;
    private final PayloadValidator validator;
    private final PayloadSerializer serializer;
    private final SchemaCatalog catalog;
    private final SchemaRegistryClient registry;
    private final SchemaRegistryClient registryProbe;
    private final SchemaPreflight preflight;
    private final AvroWireDecoder decoder;

    SchemaModule(
            SchemaConfig.Serialization serialization,
            PayloadParser parser,
            PayloadValidator validator,
            PayloadSerializer serializer,
            SchemaCatalog catalog,
            SchemaRegistryClient registry,
            SchemaRegistryClient registryProbe,
            SchemaPreflight preflight) {
        this.serialization = serialization;
        this.parser = parser;
        this.validator = validator;
        this.serializer = serializer;
        this.catalog = catalog;
        this.registry = registry;
        this.registryProbe = registryProbe;
        this.preflight = preflight;
        this.decoder = new AvroWireDecoder(registry);
    }

    /** Which codec {@link #serializer()} is. */
    public SchemaConfig.Serialization serialization() {
        return serialization;
    }

    /** The strict JSON parser (core port). */
    public PayloadParser parser() {
        return parser;
    }

    /** The catalog-backed validator (core port). */
    public PayloadValidator validator() {
        return validator;
    }

    /** The codec chosen by {@code serialization} (core port). */
    public PayloadSerializer serializer() {
        return serializer;
    }

    public SchemaCatalog catalog() {
        return catalog;
    }

    /** The registry client (caching HTTP, or the mock for {@code mock://}); created even for JSON, for tools. */
    public SchemaRegistryClient registry() {
        return registry;
    }

    public SchemaPreflight preflight() {
        return preflight;
    }

    /** Decodes Avro wire-format values through {@link #registry()}. */
    public AvroWireDecoder decoder() {
        return decoder;
    }

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
     * Fails fast when the Avro codec is chosen and the registry does not answer {@code GET /subjects}: one
     * attempt, no retries, bounded by the connect and read timeouts. Does nothing for the JSON codec.
     *
     * @throws io.streamlake.core.domain.RetriableStreamLakeException naming the URL when it cannot be reached
     * @throws io.streamlake.core.domain.FatalStreamLakeException when it refuses the credentials
     */
    public void verifyRegistryReachable() {
        if (serialization == SchemaConfig.Serialization.AVRO) {
            registryProbe.subjects();
        }
    }
}
