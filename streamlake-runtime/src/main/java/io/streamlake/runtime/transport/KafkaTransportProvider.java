package io.streamlake.runtime.transport;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.port.out.DeadLetterBacklog;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.DeadLetterSource;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.read.KafkaDeadLetterBacklog;
import io.streamlake.kafka.read.KafkaDeadLetterSource;
import io.streamlake.kafka.read.TopicReader;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.Lifecycle;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.metrics.KafkaProducerMeters;
import io.streamlake.runtime.spi.TransportProvider;
import java.util.Optional;

/**
 * The built-in {@code kafka} transport (the default): events and dead letters on one idempotent producer, the DLQ
 * read back for replay, topic provisioning and reading. Creating the publisher checks that the cluster answers
 * within {@code connect.check.timeout.ms}. With a {@link MeterRegistry} bound, kafka-clients' producer metrics are
 * bound to it.
 */
public final class KafkaTransportProvider implements TransportProvider {

    public static final String NAME = "kafka";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Apache Kafka (acks=all, idempotent, per-key order); settings: the Kafka section and kafka.*";
    }

    @Override
    public Module module(Settings settings) {
        return new KafkaTransportModule();
    }

    /** Binds the Kafka ports; public so that teams wiring Guice themselves can install it. */
    public static final class KafkaTransportModule extends AbstractModule {

        @Override
        protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), DeadLetterSource.class)
                    .setBinding()
                    .to(KafkaDeadLetterSource.class);
            OptionalBinder.newOptionalBinder(binder(), DeadLetterBacklog.class)
                    .setBinding()
                    .to(KafkaDeadLetterBacklog.class);
            OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class);
        }

        @Provides
        @Singleton
        KafkaAdapterConfig config(Settings settings) {
            return settings.config(KafkaAdapterConfig.class);
        }

        @Provides
        @Singleton
        KafkaAdapter adapter(
                KafkaAdapterConfig config,
                IngestionSettings ingestion,
                Lifecycle lifecycle,
                Optional<MeterRegistry> registry) {
            KafkaAdapter adapter = lifecycle.register(
                    KafkaAdapter.create(config, ingestion.topics(), ingestion.deadLetterPayloadLimit()));
            registry.ifPresent(r -> lifecycle.register(KafkaProducerMeters.bind(adapter, r)));
            return adapter;
        }

        @Provides
        @Singleton
        EventPublisher publisher(KafkaAdapter adapter) {
            return adapter.eventPublisher();
        }

        @Provides
        @Singleton
        DeadLetterPort deadLetters(KafkaAdapter adapter) {
            return adapter.deadLetterPort();
        }

        @Provides
        @Singleton
        TopicProvisioner provisioner(KafkaAdapterConfig config, Settings settings, Lifecycle lifecycle) {
            return lifecycle.register(
                    TopicProvisioner.create(config, settings.core().topicNaming()));
        }

        @Provides
        @Singleton
        KafkaDeadLetterSource deadLetterSource(KafkaAdapterConfig config, Settings settings) {
            return new KafkaDeadLetterSource(config, settings.core().topicNaming());
        }

        @Provides
        @Singleton
        KafkaDeadLetterBacklog deadLetterBacklog(KafkaAdapterConfig config, Settings settings) {
            return new KafkaDeadLetterBacklog(config, settings.core().topicNaming());
        }

        @Provides
        @Singleton
        TopicReader reader(KafkaAdapterConfig config) {
            return new TopicReader(config);
        }
    }
}
