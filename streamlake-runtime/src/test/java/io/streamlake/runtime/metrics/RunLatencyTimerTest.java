package io.streamlake.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunLatencyTimerTest {

    private final SimpleMeterRegistry registry = MetricsModule.runRegistry(new MockClock());

    private Timer latency(String dataset) {
        return MicrometerIngestionMetrics.latencyTimer(registry, dataset);
    }

    @Test
    void givenTheRunRegistry_thenTheLatencyTimerIsTheRunTimerAndOtherTimersAreMicrometers() {
        assertThat(latency("orders")).isInstanceOf(RunLatencyTimer.class);
        assertThat(Timer.builder("other").register(registry)).isNotInstanceOf(RunLatencyTimer.class);
    }

    @Test
    void givenValues_thenCountTotalMaxAndPercentilesDescribeThemAll() {
        Timer timer = latency("orders");
        for (int i = 1; i <= 1000; i++) {
            timer.record(Duration.ofMillis(i));
        }

        HistogramSnapshot snapshot = timer.takeSnapshot();

        assertThat(timer.count()).isEqualTo(1000);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(500_500.0);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(1000.0);
        assertThat(timer.mean(TimeUnit.MILLISECONDS)).isEqualTo(500.5);
        assertThat(snapshot.count()).isEqualTo(1000);
        assertThat(snapshot.max(TimeUnit.MILLISECONDS)).isEqualTo(1000.0);
        assertThat(snapshot.percentileValues()).extracting(v -> v.percentile()).containsExactly(0.5, 0.95, 0.99);
        // one significant digit, Micrometer's default percentile precision: within about 7%
        assertThat(snapshot.percentileValues()[0].value(TimeUnit.MILLISECONDS)).isCloseTo(500, within(35.0));
        assertThat(snapshot.percentileValues()[1].value(TimeUnit.MILLISECONDS)).isCloseTo(950, within(67.0));
        assertThat(snapshot.percentileValues()[2].value(TimeUnit.MILLISECONDS)).isCloseTo(990, within(70.0));
    }

    @Test
    void givenNothingRecorded_thenTheSnapshotIsEmptyAndPercentilesAreZero() {
        HistogramSnapshot snapshot = latency("orders").takeSnapshot();

        assertThat(snapshot.count()).isZero();
        assertThat(snapshot.max()).isZero();
        assertThat(snapshot.percentileValues())
                .allSatisfy(v -> assertThat(v.value()).isZero());
    }

    @Test
    void givenANegativeValue_thenItIsNotRecorded() {
        Timer timer = latency("orders");
        timer.record(-5, TimeUnit.MILLISECONDS);

        assertThat(timer.count()).isZero();
    }

    @Test
    void givenServiceLevelObjectives_thenTheSnapshotCountsTheValuesAtOrBelowEach() {
        Timer timer = Timer.builder(MicrometerIngestionMetrics.LATENCY)
                .tag("dataset", "slo")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(100))
                .register(registry);
        for (int i = 1; i <= 200; i++) {
            timer.record(Duration.ofMillis(i));
        }

        assertThat(timer.takeSnapshot().histogramCounts())
                .extracting(b -> (long) b.count())
                .containsExactly(10L, 100L);
    }

    @Test
    void givenTheRunRegistry_thenThePercentilesArePublishedAsGauges() {
        Timer timer = latency("orders");
        timer.record(Duration.ofMillis(20));

        List<Gauge> gauges = new ArrayList<>(registry.find(MicrometerIngestionMetrics.LATENCY + ".percentile")
                .tag("dataset", "orders")
                .gauges());

        assertThat(gauges).extracting(g -> g.getId().getTag("phi")).containsExactlyInAnyOrder("0.5", "0.95", "0.99");
        assertThat(gauges).allSatisfy(g -> assertThat(g.value()).isCloseTo(0.020, within(0.002)));
    }

    @Test
    void givenSeveralThreadsRecording_thenNoValueIsLost() throws InterruptedException {
        Timer timer = latency("orders");
        int threads = 4;
        int each = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    timer.record(1 + i % 100, TimeUnit.MICROSECONDS);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(timer.count()).isEqualTo((long) threads * each);
        assertThat(timer.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(threads * (each / 100) * 5050.0);
        assertThat(timer.max(TimeUnit.MICROSECONDS)).isEqualTo(100.0);
    }

    @Test
    void givenASnapshot_thenItsSummaryPrintsTheDistribution() {
        Timer timer = latency("orders");
        timer.record(Duration.ofMillis(3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        timer.takeSnapshot().outputSummary(new PrintStream(out, true, StandardCharsets.UTF_8), 1e6);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Percentile").contains("#[Max");
    }
}
