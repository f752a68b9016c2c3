package io.streamlake.runtime.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamlake.core.port.out.IngestionMetrics;

/**
 * Binds the core's {@link IngestionMetrics} to {@link MicrometerIngestionMetrics} on a {@link MeterRegistry}. The
 * registry defaults to a {@link SimpleMeterRegistry} of this injector ({@link #runRegistry}), whose latency
 * percentiles cover the injector's whole life, as a run summary ({@link IngestionCounts}) reports them; teams with
 * their own registry (Prometheus, OTLP, …) set it with
 * {@code OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding()}, and it keeps its own
 * distribution settings. The Kafka transport binds kafka-clients' producer metrics to the same registry.
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
        return runRegistry(Clock.SYSTEM);
    }

    /**
     * The default registry: a {@link SimpleMeterRegistry} whose {@value MicrometerIngestionMetrics#LATENCY} timer
     * ({@link RunLatencyTimer}) keeps every value for the registry's whole life (Micrometer's cumulative timer keeps a
     * ring of three histograms that forgets what is older than two minutes): so a summary of a run of any length gives
     * the run's percentiles; and it records each acknowledgement under one lock, not with about ten atomic operations
     * and two clock reads.
     */
    static SimpleMeterRegistry runRegistry(Clock clock) {
        return new RunMeterRegistry(clock);
    }

    @Provides
    @Singleton
    MicrometerIngestionMetrics ingestionMetrics(MeterRegistry registry) {
        return new MicrometerIngestionMetrics(registry);
    }
}
