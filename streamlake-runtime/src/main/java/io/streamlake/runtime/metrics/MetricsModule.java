package io.streamlake.runtime.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamlake.core.port.out.IngestionMetrics;
import java.time.Duration;

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
     * The default registry: a {@link SimpleMeterRegistry} on which {@value MicrometerIngestionMetrics#LATENCY} keeps
     * one histogram for the registry's whole life (Micrometer's default is a ring of three that forgets what is older
     * than two minutes): so a summary of a run of any length gives the run's percentiles, and each acknowledgement
     * is recorded into one histogram rather than three.
     */
    static SimpleMeterRegistry runRegistry(Clock clock) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(MicrometerIngestionMetrics.LATENCY)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .bufferLength(1)
                        .expiry(WHOLE_RUN)
                        .build()
                        .merge(config);
            }
        });
        return registry;
    }

    /** Longer than any run: the latency statistics of {@link #runRegistry} never expire. */
    private static final Duration WHOLE_RUN = Duration.ofDays(365 * 100);

    @Provides
    @Singleton
    MicrometerIngestionMetrics ingestionMetrics(MeterRegistry registry) {
        return new MicrometerIngestionMetrics(registry);
    }
}
