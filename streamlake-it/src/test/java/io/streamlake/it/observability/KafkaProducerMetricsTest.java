package io.streamlake.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestStreamUseCase;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.runtime.Lifecycle;
import io.streamlake.runtime.StreamLakeModule;
import io.streamlake.runtime.Transports;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.config.SettingsLoader;
import io.streamlake.runtime.metrics.IngestionCounts;
import io.streamlake.runtime.metrics.MicrometerIngestionMetrics;
import io.streamlake.test.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * On the real broker through the Guice wiring: the StreamLake counters agree with the use case's summary, the RAW
 * acknowledgement timer counted every published event, and kafka-clients' own producer metrics are in the same
 * registry (and still on {@link KafkaAdapter#producerMetrics()}).
 */
@StreamLakeIntegrationTest
class KafkaProducerMetricsTest {

    @Test
    void givenEventsOnARealBroker_thenStreamLakeAndKafkaClientMetricsAreInTheRegistry(KafkaEndpoint kafka) {
        String prefix = kafka.uniqueName("metrics").replaceAll("[^a-zA-Z0-9_-]", "-");
        kafka.createTopic(prefix + ".orders.raw", 2);
        kafka.createTopic(prefix + ".orders.dlq", 2);
        Settings settings = new SettingsLoader(Transports.discover().configSections())
                .flags(Map.of("bootstrap.servers", kafka.bootstrapServers(), "topic.prefix", prefix))
                .load();
        Injector injector = Guice.createInjector(new StreamLakeModule(settings));
        DatasetName orders = DatasetName.of("orders");
        try {
            BatchSummary summary = injector.getInstance(IngestStreamUseCase.class)
                    .ingestAll(
                            IntStream.range(0, 60)
                                    .mapToObj(i -> (i % 6 == 0
                                            ? "{\"order_id\":\"m-" + i + "\""
                                            : "{\"order_id\":\"m-" + i + "\",\"amount\":" + i + "}"))
                                    .map(p -> new IngestCommand(
                                            orders,
                                            null,
                                            "order_id",
                                            p.getBytes(StandardCharsets.UTF_8),
                                            Optional.empty(),
                                            Optional.empty(),
                                            Map.of()))
                                    .iterator(),
                            r -> {});

            MeterRegistry registry = injector.getInstance(MeterRegistry.class);
            IngestionCounts counts = IngestionCounts.read(registry, orders);
            System.out.printf("summary %s, metrics %s%n", summary, counts);
            assertThat(summary.published()).isEqualTo(50);
            assertThat(counts.published()).isEqualTo(summary.published());
            assertThat(counts.deadLetteredByStage()).isEqualTo(summary.deadLetteredByStage());
            assertThat(counts.failed()).isZero();
            assertThat(registry.get(MicrometerIngestionMetrics.LATENCY)
                            .tag("dataset", "orders")
                            .timer()
                            .count())
                    .isEqualTo(50);
            assertThat(counts.ackLatencyP99()).isPresent();
            assertThat(registry.find("kafka.producer.record.send.total").functionCounters())
                    .as("kafka-clients' producer metrics bound by KafkaClientMetrics")
                    .isNotEmpty();
            assertThat(registry.find("kafka.producer.record.send.total").functionCounters().stream()
                            .mapToDouble(c -> c.count())
                            .sum())
                    .isGreaterThanOrEqualTo(50);
            assertThat(injector.getInstance(KafkaAdapter.class).producerMetrics())
                    .isNotEmpty();
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
