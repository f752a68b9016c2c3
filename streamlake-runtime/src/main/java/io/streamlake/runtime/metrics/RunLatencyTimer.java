package io.streamlake.runtime.metrics;

import io.micrometer.core.instrument.AbstractTimer;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import java.util.NavigableSet;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The {@value MicrometerIngestionMetrics#LATENCY} timer of the runtime's own registry ({@link MetricsModule#runRegistry}):
 * the count, the total, the exact maximum and an HdrHistogram of every value recorded in the timer's whole life, from
 * which the configured percentiles ({@code publishPercentiles}, at the configured {@code percentilePrecision}) and
 * histogram buckets are read. It never forgets: a run's summary gives the whole run's percentiles.
 *
 * <p>Each value is recorded under one uncontended lock into one plain histogram. Micrometer's cumulative timer keeps the
 * same figures in a ring of concurrent histograms behind a writer-reader phaser, plus adders and a decaying maximum that
 * read the clock, about ten atomic operations and two clock reads per value; for an acknowledgement on the producer's
 * I/O thread that was a fifth of that thread's work on a 1M-line file ({@code docs/performance.md}). Thread-safe.
 */
final class RunLatencyTimer extends AbstractTimer {

    private final Recorded recorded;

    RunLatencyTimer(
            Id id,
            Clock clock,
            DistributionStatisticConfig config,
            PauseDetector pauseDetector,
            TimeUnit baseTimeUnit) {
        this(id, clock, pauseDetector, baseTimeUnit, new Recorded(config));
    }

    private RunLatencyTimer(Id id, Clock clock, PauseDetector pauseDetector, TimeUnit baseTimeUnit, Recorded recorded) {
        super(id, clock, pauseDetector, baseTimeUnit, recorded);
        this.recorded = recorded;
    }

    /** Nothing: {@link AbstractTimer#record(long, TimeUnit)} gave the value to {@link Recorded#recordLong} already. */
    @Override
    protected void recordNonNegative(long amount, TimeUnit unit) {}

    @Override
    public long count() {
        return recorded.count();
    }

    @Override
    public double totalTime(TimeUnit unit) {
        return nanosIn(recorded.totalNanos(), unit);
    }

    @Override
    public double max(TimeUnit unit) {
        return nanosIn(recorded.maxNanos(), unit);
    }

    private static double nanosIn(double nanos, TimeUnit unit) {
        return nanos / TimeUnit.NANOSECONDS.convert(1, unit);
    }

    /** The values recorded, in nanoseconds, under this object's lock. */
    private static final class Recorded implements io.micrometer.core.instrument.distribution.Histogram {
        private final double[] percentiles;
        private final NavigableSet<Double> buckets;
        private final Histogram histogram;
        private long count;
        private long total;
        private long max;

        Recorded(DistributionStatisticConfig config) {
            double[] wanted = config.getPercentiles();
            this.percentiles = wanted == null ? new double[0] : wanted.clone();
            // a simple registry's timers report no percentile buckets, only service level objectives
            this.buckets = config.getHistogramBuckets(false);
            Integer precision = config.getPercentilePrecision();
            this.histogram = new Histogram(Math.max(1, Math.min(5, precision == null ? 1 : precision)));
        }

        @Override
        public synchronized void recordLong(long nanos) {
            histogram.recordValue(nanos);
            count++;
            total += nanos;
            if (nanos > max) {
                max = nanos;
            }
        }

        @Override
        public void recordDouble(double nanos) {
            recordLong((long) Math.ceil(nanos));
        }

        synchronized long count() {
            return count;
        }

        synchronized long totalNanos() {
            return total;
        }

        synchronized long maxNanos() {
            return max;
        }

        @Override
        public synchronized HistogramSnapshot takeSnapshot(long count, double total, double max) {
            ValueAtPercentile[] values = new ValueAtPercentile[percentiles.length];
            for (int i = 0; i < percentiles.length; i++) {
                double value = this.count == 0 ? 0 : histogram.getValueAtPercentile(percentiles[i] * 100);
                values[i] = new ValueAtPercentile(percentiles[i], value);
            }
            CountAtBucket[] counts = new CountAtBucket[buckets.size()];
            int i = 0;
            for (double bucket : buckets) {
                counts[i++] = new CountAtBucket(bucket, histogram.getCountBetweenValues(0, (long) bucket));
            }
            Histogram copy = histogram.copy();
            return new HistogramSnapshot(
                    count, total, max, values, counts, (out, scale) -> copy.outputPercentileDistribution(out, scale));
        }
    }
}
