package io.streamlake.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerIngestionMetricsTest {

    private static final DatasetName ORDERS = DatasetName.of("orders");
    private static final DatasetName USERS = DatasetName.of("users");

    @Test
    void givenMixedOutcomes_thenCountersAreTaggedAndReadBackPerDataset() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerIngestionMetrics metrics = new MicrometerIngestionMetrics(registry);
        for (int i = 1; i <= 100; i++) {
            metrics.published(ORDERS, Duration.ofMillis(i));
        }
        metrics.deadLettered(ORDERS, DlqStage.PARSE, "MalformedJson");
        metrics.deadLettered(ORDERS, DlqStage.VALIDATE, "SchemaViolation");
        metrics.deadLettered(ORDERS, DlqStage.VALIDATE, "SchemaViolation");
        metrics.failed(ORDERS, true);
        metrics.published(USERS, Duration.ofMillis(5));

        assertThat(registry.get(MicrometerIngestionMetrics.DEAD_LETTERED)
                        .tag("dataset", "orders")
                        .tag("stage", "validate")
                        .tag("error_class", "SchemaViolation")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get(MicrometerIngestionMetrics.FAILED)
                        .tag("retriable", "true")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerIngestionMetrics.LATENCY)
                        .tag("dataset", "orders")
                        .timer()
                        .count())
                .isEqualTo(100);

        IngestionCounts counts = IngestionCounts.read(registry, ORDERS);
        assertThat(counts.published()).isEqualTo(100);
        assertThat(counts.deadLettered()).isEqualTo(3);
        assertThat(counts.deadLetteredByStage())
                .containsEntry(DlqStage.PARSE, 1L)
                .containsEntry(DlqStage.VALIDATE, 2L);
        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.ackLatencyP50())
                .hasValueSatisfying(p50 -> assertThat(p50).isBetween(Duration.ofMillis(40), Duration.ofMillis(60)));
        assertThat(counts.ackLatencyP99())
                .hasValueSatisfying(p99 -> assertThat(p99).isBetween(Duration.ofMillis(90), Duration.ofMillis(110)));
        assertThat(IngestionCounts.read(registry, USERS).published()).isEqualTo(1);
    }

    @Test
    void givenDatasetsAlternating_andAnEqualNameOfAnotherInstance_thenEachEventCountsForItsOwnDataset() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerIngestionMetrics metrics = new MicrometerIngestionMetrics(registry);
        DatasetName ordersAgain = DatasetName.of(new String("orders"));
        metrics.published(ORDERS, Duration.ofMillis(1));
        metrics.published(USERS, Duration.ofMillis(2));
        metrics.published(ORDERS, Duration.ofMillis(3));
        metrics.published(ordersAgain, Duration.ofMillis(4));
        metrics.published(USERS, Duration.ofMillis(5));
        metrics.published(USERS, Duration.ofMillis(6));

        assertThat(IngestionCounts.read(registry, ORDERS).published()).isEqualTo(3);
        assertThat(IngestionCounts.read(registry, USERS).published()).isEqualTo(3);
        assertThat(registry.get(MicrometerIngestionMetrics.LATENCY)
                        .tag("dataset", "orders")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(8);
        assertThat(registry.find(MicrometerIngestionMetrics.PUBLISHED).counters())
                .hasSize(2);
    }

    @Test
    void givenNothingPublished_thenNoLatencyIsReported() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MicrometerIngestionMetrics(registry).failed(ORDERS, false);

        IngestionCounts counts = IngestionCounts.read(registry, ORDERS);

        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.ackLatencyP50()).isEmpty();
        assertThat(counts.ackLatencyP99()).isEmpty();
    }
}
