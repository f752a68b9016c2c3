package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestEventUseCase;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.runtime.Lifecycle;
import io.streamlake.runtime.StreamLake;
import io.streamlake.runtime.StreamLakeModule;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.config.SettingsLoader;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Teams embedding StreamLake: the builder without Guice, and the Guice module, on the real broker. */
@StreamLakeIntegrationTest
class EmbeddingTest {

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;

    EmbeddingTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @Test
    void givenTheBuilder_thenProduceMirrorsTheSeedAndRoutesToRawAndDlq() {
        String prefix = kafka.uniqueName("embed");
        try (StreamLake lake = StreamLake.builder()
                .set("bootstrap.servers", kafka.bootstrapServers())
                .set("schema.registry.url", registry.url())
                .set("topic.prefix", prefix)
                .set("producer.service", "billing-service")
                .build()) {
            lake.injector().getInstance(TopicProvisioner.class).ensureTopics(DatasetName.of("orders"));

            IngestionResult good = lake.produce("o-7", "{\"order_id\":\"o-7\",\"amount\":70.0}", "orders", "v1");
            IngestionResult bad = lake.produce("o-8", "{\"order_id\":\"o-8\"}", "orders", null);

            assertThat(good).isInstanceOf(IngestionResult.Published.class);
            assertThat(((IngestionResult.Published) good).receipt().topic()).isEqualTo(prefix + ".orders.raw");
            assertThat(bad).isInstanceOf(IngestionResult.DeadLettered.class);
        }
        List<ConsumerRecord<byte[], byte[]>> raw = kafka.consumeAll(prefix + ".orders.raw", 1, Duration.ofSeconds(10));
        assertThat(raw).hasSize(1);
        assertThat(new String(
                        raw.get(0).headers().lastHeader("producer_service").value(), UTF_8))
                .isEqualTo("billing-service");
        assertThat(kafka.consumeAll(prefix + ".orders.dlq", 1, Duration.ofSeconds(10)))
                .hasSize(1);
    }

    @Test
    void givenTheGuiceModule_thenTheInjectorGivesTheUseCaseOnTheSameWiring() throws Exception {
        String prefix = kafka.uniqueName("guice");
        Settings settings = new SettingsLoader(
                        io.streamlake.runtime.Transports.discover().configSections())
                .flags(Map.of(
                        "bootstrap.servers",
                        kafka.bootstrapServers(),
                        "topic.prefix",
                        prefix,
                        "schema.registry.url",
                        registry.url()))
                .load();
        Injector injector = Guice.createInjector(new StreamLakeModule(settings));
        try {
            injector.getInstance(TopicProvisioner.class).ensureTopics(DatasetName.of("orders"));
            IngestEventUseCase ingest = injector.getInstance(IngestEventUseCase.class);

            IngestionResult result = ingest.ingest(IngestCommand.keyedBy(
                            DatasetName.of("orders"),
                            "order_id",
                            "{\"order_id\":\"g-1\",\"amount\":1.5}".getBytes(UTF_8)))
                    .get();

            assertThat(result).isInstanceOf(IngestionResult.Published.class);
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
        List<ConsumerRecord<byte[], byte[]>> raw = kafka.consumeAll(prefix + ".orders.raw", 1, Duration.ofSeconds(10));
        assertThat(raw).hasSize(1);
        assertThat(new String(raw.get(0).key(), UTF_8)).isEqualTo("g-1");
    }

    @Test
    void givenAnUnknownKey_thenTheBuilderRefusesToStartNamingIt() {
        assertThatThrownBy(() -> StreamLake.builder()
                        .set("bootstrap.servers", kafka.bootstrapServers())
                        .set("lingr.ms", "5")
                        .build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("lingr.ms");
    }

    @Test
    void givenAnUnreachableBroker_thenTheBuilderFailsRetriableNamingIt() {
        assertThatThrownBy(() -> StreamLake.builder()
                        .set("bootstrap.servers", "127.0.0.1:1")
                        .set("connect.check.timeout.ms", "1000")
                        .build())
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessageContaining("127.0.0.1:1");
    }
}
