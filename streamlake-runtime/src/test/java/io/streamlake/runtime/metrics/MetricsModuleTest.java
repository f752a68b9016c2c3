package io.streamlake.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamlake.core.domain.DatasetName;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsModuleTest {

    private static final DatasetName ORDERS = DatasetName.of("orders");

    @Test
    void givenTheDefaultRegistry_thenTheRunSummaryKeepsLatenciesOlderThanMicrometersTwoMinuteWindow() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = MetricsModule.runRegistry(clock);
        MicrometerIngestionMetrics metrics = new MicrometerIngestionMetrics(registry);
        for (int i = 1; i <= 100; i++) {
            metrics.published(ORDERS, Duration.ofMillis(i));
        }
        clock.add(10, TimeUnit.MINUTES);
        metrics.published(ORDERS, Duration.ofMillis(500));

        IngestionCounts counts = IngestionCounts.read(registry, ORDERS);

        assertThat(counts.ackLatencyP50())
                .hasValueSatisfying(p50 -> assertThat(p50).isBetween(Duration.ofMillis(40), Duration.ofMillis(60)));
        assertThat(counts.ackLatencyP99())
                .hasValueSatisfying(p99 -> assertThat(p99).isBetween(Duration.ofMillis(90), Duration.ofMillis(110)));
        assertThat(registry.get(MicrometerIngestionMetrics.LATENCY).timer().max(TimeUnit.MILLISECONDS))
                .isEqualTo(500);
    }

    @Test
    void givenAnotherMeter_thenItKeepsMicrometersDefaultWindow() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = MetricsModule.runRegistry(clock);
        io.micrometer.core.instrument.Timer other = io.micrometer.core.instrument.Timer.builder("other")
                .publishPercentiles(0.5)
                .register(registry);
        other.record(Duration.ofMillis(50));
        clock.add(10, TimeUnit.MINUTES);

        assertThat(other.takeSnapshot().percentileValues()[0].value(TimeUnit.MILLISECONDS))
                .isZero();
    }

    @Test
    void givenNoRegistryOfTheirOwn_thenTheInjectorsRegistryIsTheRunRegistry() {
        MeterRegistry registry = Guice.createInjector(new MetricsModule()).getInstance(MeterRegistry.class);
        MicrometerIngestionMetrics metrics = new MicrometerIngestionMetrics(registry);
        metrics.published(ORDERS, Duration.ofMillis(7));

        assertThat(registry).isInstanceOf(SimpleMeterRegistry.class);
        assertThat(registry.config().clock()).isSameAs(io.micrometer.core.instrument.Clock.SYSTEM);
        assertThat(IngestionCounts.read(registry, ORDERS).ackLatencyP50())
                .hasValueSatisfying(p50 -> assertThat(p50).isBetween(Duration.ofMillis(6), Duration.ofMillis(8)));
    }
}
