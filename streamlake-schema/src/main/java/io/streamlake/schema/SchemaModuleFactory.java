package io.streamlake.schema;

import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.codec.avro.AvroCodecs;
import io.streamlake.schema.codec.json.JsonPayloadParser;
import io.streamlake.schema.codec.json.JsonPayloadSerializer;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SubjectNameStrategies;
import io.streamlake.schema.registry.compat.SchemaPreflight;
import io.streamlake.schema.validation.PayloadValidators;
import io.streamlake.schema.validation.UnknownFieldPolicy;

/** Builds the {@link SchemaModule} from configuration; the only place that reads {@link SchemaConfig}. */
public final class SchemaModuleFactory {

    private SchemaModuleFactory() {}

    /**
     * Loads the catalog (built-in plus {@code schema.catalog.dir}) and wires parser, validator, the codec chosen
     * by {@code serialization}, and the registry client. Contacts no registry.
     *
     * @throws io.streamlake.schema.catalog.CatalogLoadException when a catalog file is unreadable or invalid
     */
    public static SchemaModule create(SchemaConfig config, TopicNaming topics) {
        SchemaCatalog catalog = SchemaCatalogs.create(config.catalogDir());
        RegistrySettings settings = RegistrySettings.from(config);
        return create(
                config,
                topics,
                catalog,
                SchemaRegistryClients.create(settings),
                SchemaRegistryClients.create(settings.withRetries(0, settings.retryBackoff())));
    }

    /** Like {@link #create(SchemaConfig, TopicNaming)} with a given catalog and registry client (tests, tools). */
    public static SchemaModule create(
            SchemaConfig config, TopicNaming topics, SchemaCatalog catalog, SchemaRegistryClient registry) {
        return create(config, topics, catalog, registry, registry);
    }

    private static SchemaModule create(
            SchemaConfig config,
            TopicNaming topics,
            SchemaCatalog catalog,
            SchemaRegistryClient registry,
            SchemaRegistryClient probe) {
        UnknownFieldPolicy unknownFields =
                config.rejectUnknownFields() ? UnknownFieldPolicy.REJECT : UnknownFieldPolicy.IGNORE;
        SchemaPreflight preflight = new SchemaPreflight(
                catalog,
                registry,
                SubjectNameStrategies.byName(config.subjectNameStrategy()),
                topics,
                config.registryMode(),
                config.pinnedId());
        PayloadSerializer serializer = config.serialization() == SchemaConfig.Serialization.AVRO
                ? AvroCodecs.serializer(preflight, unknownFields)
                : new JsonPayloadSerializer();
        return new SchemaModule(
                config.serialization(),
                new JsonPayloadParser(),
                PayloadValidators.create(catalog, unknownFields, config.validationEnabled()),
                serializer,
                catalog,
                registry,
                probe,
                preflight);
    }
}
