package io.streamlake.runtime.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamlake.core.port.out.IngestionMetrics;

/**
 * Binds the core's {@link IngestionMetrics} to {@link MicrometerIngestionMetrics} on a {@link MeterRegistry}. The
 * registry defaults to a {@link SimpleMeterRegistry} of this injector; teams with their own registry (Prometheus,
 * OTLP, …) set it with {@code OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding()}.
 * The Kafka transport binds kafka-clients' producer metrics to the same registry.
 */
public final class MetricsModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class)
                .setDefault()
                .to(SimpleMeterRegistry.class);
        OptionalBinder.newOptionalBinder(binder(), IngestionMetrics.class)
                .setBinding()
                .to(MicrometerIngestionMetrics.class);
    }

    @Provides
    @Singleton
    SimpleMeterRegistry simpleRegistry() {
        return new SimpleMeterRegistry();
    }

    @Provides
    @Singleton
    MicrometerIngestionMetrics ingestionMetrics(MeterRegistry registry) {
        return new MicrometerIngestionMetrics(registry);
    }
}
