package io.streamlake.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.streamlake.contracts.ContractRules;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadRules;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.runtime.config.Settings;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.SchemaRegistryClients;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.compat.SchemaPreflight;

/**
 * The schema catalog, validation, the catalog's data-contract rules ({@link ContractRules}, as the core's
 * {@link PayloadRules}), the codec chosen by {@code serialization} (JSON, or Avro in the Confluent wire
 * format), the Schema Registry client, the preflight (register/check a version before use) and the Avro decoder,
 * from {@link SchemaModuleFactory}. Needs {@link Settings} bound. Creating them contacts no registry; with JSON the
 * registry's HTTP client is created on first use.
 */
public final class SchemaCodecModule extends AbstractModule {

    @Provides
    @Singleton
    SchemaConfig schemaConfig(Settings settings) {
        return settings.config(SchemaConfig.class);
    }

    /**
     * For Avro, or with a configured trust store (whose loading may fail and must fail at start), exactly
     * {@link SchemaModuleFactory#create(SchemaConfig, io.streamlake.core.domain.TopicNaming)}. For JSON without one,
     * the same module with the registry client created on first use ({@link LazyRegistryClient}): nothing of
     * {@code produce} calls it, and the registry probe, used only for Avro, is not needed.
     */
    @Provides
    @Singleton
    SchemaModule schemaModule(SchemaConfig config, Settings settings) {
        RegistrySettings registry = RegistrySettings.from(config);
        if (config.serialization() == SchemaConfig.Serialization.AVRO
                || registry.truststoreLocation().isPresent()) {
            return SchemaModuleFactory.create(config, settings.core().topicNaming());
        }
        SchemaCatalog catalog = SchemaCatalogs.create(config.catalogDir());
        return SchemaModuleFactory.create(
                config,
                settings.core().topicNaming(),
                catalog,
                new LazyRegistryClient(registry.url(), () -> SchemaRegistryClients.create(registry)));
    }

    @Provides
    @Singleton
    SchemaCatalog catalog(SchemaModule schemas) {
        return schemas.catalog();
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), PayloadRules.class)
                .setBinding()
                .toProvider(RulesIfAny.class);
    }

    /** The compiled rules, or {@link PayloadRules#none()} when no version has one (the core then skips the step). */
    static final class RulesIfAny implements Provider<PayloadRules> {
        private final ContractRules rules;

        @Inject
        RulesIfAny(ContractRules rules) {
            this.rules = rules;
        }

        @Override
        public PayloadRules get() {
            return rules.isEmpty() ? PayloadRules.none() : rules;
        }
    }

    /**
     * The catalog's data-contract rules ({@code <dataset>/v<N>.rules.json}), compiled once, here.
     *
     * @throws io.streamlake.core.domain.InvalidRulesException naming the file, the rule and the position of each rule
     *         that does not compile
     */
    @Provides
    @Singleton
    ContractRules contractRules(SchemaCatalog catalog) {
        return ContractRules.compile(catalog);
    }

    @Provides
    @Singleton
    PayloadParser parser(SchemaModule schemas) {
        return schemas.parser();
    }

    @Provides
    @Singleton
    PayloadValidator validator(SchemaModule schemas) {
        return schemas.validator();
    }

    @Provides
    @Singleton
    PayloadSerializer serializer(SchemaModule schemas) {
        return schemas.serializer();
    }

    @Provides
    @Singleton
    SchemaRegistryClient registry(SchemaModule schemas) {
        return schemas.registry();
    }

    @Provides
    @Singleton
    SchemaPreflight preflight(SchemaModule schemas) {
        return schemas.preflight();
    }

    @Provides
    @Singleton
    AvroWireDecoder decoder(SchemaModule schemas) {
        return schemas.decoder();
    }
}
