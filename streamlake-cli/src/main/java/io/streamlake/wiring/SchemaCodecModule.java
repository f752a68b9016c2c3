package io.streamlake.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.codec.json.JsonPayloadParser;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryClients;
import io.streamlake.schema.registry.SubjectNameStrategies;
import io.streamlake.schema.registry.SubjectNameStrategy;
import io.streamlake.schema.validation.PayloadValidators;
import io.streamlake.schema.validation.UnknownFieldPolicy;
import io.streamlake.wiring.config.Settings;

/**
 * The schema catalog, validation and the codec chosen by {@code serialization} (JSON or Avro in the Confluent
 * wire format), and the Schema Registry client. Needs {@link Settings} bound. The registry is contacted only when
 * something needs it (Avro serialization, the {@code schema} commands), never when the client is created.
 */
public final class SchemaCodecModule extends AbstractModule {

    @Provides
    @Singleton
    SchemaConfig schemaConfig(Settings settings) {
        return settings.config(SchemaConfig.class);
    }

    @Provides
    @Singleton
    SchemaCatalog catalog(SchemaConfig config) {
        return SchemaCatalogs.create(config.catalogDir());
    }

    @Provides
    @Singleton
    PayloadParser parser() {
        return new JsonPayloadParser();
    }

    @Provides
    @Singleton
    PayloadValidator validator(SchemaCatalog catalog, SchemaConfig config) {
        return PayloadValidators.create(catalog,
                config.rejectUnknownFields() ? UnknownFieldPolicy.REJECT : UnknownFieldPolicy.IGNORE,
                config.validationEnabled());
    }

    @Provides
    @Singleton
    SchemaRegistryClient registry(SchemaConfig config) {
        return SchemaRegistryClients.create(RegistrySettings.from(config));
    }

    @Provides
    @Singleton
    SubjectNameStrategy subjects(SchemaConfig config) {
        return SubjectNameStrategies.byName(config.subjectNameStrategy());
    }

    @Provides
    @Singleton
    PayloadSerializer serializer(SchemaConfig config, Codecs codecs) {
        return codecs.serializer(config);
    }
}
