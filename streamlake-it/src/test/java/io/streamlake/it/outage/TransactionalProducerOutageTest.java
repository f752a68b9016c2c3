package io.streamlake.it.outage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transactional producer whose only broker stopped does not expire the records it holds while it looks for the
 * transaction coordinator (its I/O thread sends no produce request meanwhile), however long {@code delivery.timeout.ms}
 * is. The exactly-once output fails them when the outage breaker opens, with the breaker's message, so whoever waits for
 * their outcome (a reader whose in-flight window is full, a flush) is not kept waiting for the cluster's return; and
 * the output then aborts and closes without waiting for the coordinator.
 */
class TransactionalProducerOutageTest {

    private static final TopicNaming NAMING = new TopicNaming("txoutage");
    private static final long OUTAGE_FAIL_AFTER_MS = 1_000;
    /** Far longer than the test waits: a record that fails in time was not expired by the producer. */
    private static final long DELIVERY_TIMEOUT_MS = 120_000;

    @TempDir
    Path dir;

    @Test
    void givenTheOnlyBrokerStoppedInsideATransaction_thenHeldRecordsFailWhenTheBreakerOpensNotAfterTheDeliveryTimeout()
            throws Exception {
        DatasetName dataset = DatasetName.of("orders");
        try (EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.start(EmbeddedKafkaConfig.defaults().withBaseDirectory(dir.resolve("kafka")))) {
            String servers = cluster.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(
                                new NewTopic(NAMING.raw(dataset), 3, (short) 1),
                                new NewTopic(NAMING.deadLetter(dataset), 1, (short) 1)))
                        .all()
                        .get();
            }
            Map<String, Object> settings = new HashMap<>();
            settings.put(KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            settings.put(KafkaAdapterConfig.OUTAGE_FAIL_AFTER_MS_CONFIG, String.valueOf(OUTAGE_FAIL_AFTER_MS));
            settings.put(
                    KafkaAdapterConfig.PASSTHROUGH_PREFIX + "delivery.timeout.ms", String.valueOf(DELIVERY_TIMEOUT_MS));
            settings.put(KafkaAdapterConfig.PASSTHROUGH_PREFIX + "request.timeout.ms", "1000");
            settings.put(KafkaAdapterConfig.PASSTHROUGH_PREFIX + "max.block.ms", "2000");
            TransactionalOutput output = KafkaAdapter.openTransactional(
                    new KafkaAdapterConfig(settings),
                    NAMING,
                    1024,
                    dataset,
                    dir.resolve("orders.jsonl").toString());
            EventPublisher publisher = output.publisher();
            output.begin();
            publisher.publish(event(dataset, "before")).get(30, TimeUnit.SECONDS);

            cluster.stopBroker(0);
            long stopped = System.nanoTime();
            // keys on every partition: the ones not yet in the transaction make the producer look for its coordinator
            List<CompletableFuture<PublishReceipt>> held = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                held.add(publisher.publish(event(dataset, "after-" + i)));
            }
            for (CompletableFuture<PublishReceipt> sent : held) {
                try {
                    sent.get(30, TimeUnit.SECONDS);
                    throw new AssertionError("a record was acknowledged by a stopped broker");
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a record held by the producer had no outcome 30 s after the stop", e);
                } catch (ExecutionException e) {
                    assertThat(e.getCause())
                            .isInstanceOf(PlatformUnavailableException.class)
                            .hasMessageContaining("Kafka cluster unreachable since")
                            .hasMessageContaining(servers);
                }
            }
            long failedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            assertThat(failedMs)
                    .as("every held record failed, ms after the stop")
                    .isLessThan(DELIVERY_TIMEOUT_MS / 4);

            long closing = System.nanoTime();
            output.abort();
            output.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing))
                    .as("abort and close, ms")
                    .isLessThan(15_000);
        }
    }

    private static OutboundEvent event(DatasetName dataset, String key) {
        return new OutboundEvent(
                NAMING.raw(dataset),
                key,
                new SerializedPayload(("{\"order_id\":\"" + key + "\"}").getBytes(UTF_8), "application/json"),
                new EventMetadata(
                        dataset,
                        Optional.of(SchemaVersion.of(1)),
                        UUID.randomUUID().toString(),
                        Instant.now(),
                        "it",
                        Map.of()));
    }
}
