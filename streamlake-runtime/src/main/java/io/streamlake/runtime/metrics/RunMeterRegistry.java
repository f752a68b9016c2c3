package io.streamlake.runtime.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramGauges;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The runtime's default registry ({@link MetricsModule#runRegistry}): a {@link SimpleMeterRegistry} whose
 * {@value MicrometerIngestionMetrics#LATENCY} timers are {@link RunLatencyTimer}s (the whole life's percentiles, one
 * lock per value), with the percentile gauges the simple registry gives every timer. Every other meter is the simple
 * registry's own.
 */
final class RunMeterRegistry extends SimpleMeterRegistry {

    RunMeterRegistry(Clock clock) {
        super(SimpleConfig.DEFAULT, clock);
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        if (!id.getName().equals(MicrometerIngestionMetrics.LATENCY)) {
            return super.newTimer(id, config, pauseDetector);
        }
        Timer timer = new RunLatencyTimer(id, clock, config, pauseDetector, getBaseTimeUnit());
        HistogramGauges.registerWithCommonFormat(timer, this);
        return timer;
    }
}
