package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.service.StreamIngestionService;
import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.StreamLakeExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * No code path counts an event as published without the broker's acknowledgement: when the broker cannot take
 * it, the outcome is a retriable failure, never Published and never a dead letter, and flush still returns.
 */
@StreamLakeIntegrationTest
class KafkaAcknowledgementTest {

    private static final int EVENTS = 6;

    /** What a stream of {@code events} into {@code dataset}'s RAW topic, which does not exist, came to. */
    private record MissingTopicRun(BatchSummary summary, List<IngestionResult> results, long seconds) {}

    private static MissingTopicRun ingestIntoMissingTopic(
            KafkaEndpoint kafka, DatasetName dataset, int maxBlockMs, int events) {
        try (KafkaAdapter adapter = AdapterFixture.adapter(
                kafka,
                "kafka.max.block.ms",
                Integer.toString(maxBlockMs),
                "delivery.timeout.ms",
                "3000",
                "request.timeout.ms",
                "1000",
                "linger.ms",
                "5")) {
            IngestionService ingestion = AdapterFixture.ingestion(adapter, dataset);
            StreamIngestionService stream = new StreamIngestionService(ingestion, 100, () -> {
                adapter.eventPublisher().flush();
                adapter.deadLetterPort().flush();
            });
            ConcurrentLinkedQueue<IngestionResult> results = new ConcurrentLinkedQueue<>();
            long started = System.nanoTime();
            BatchSummary summary = stream.ingestAll(
                    IntStream.range(0, events)
                            .mapToObj(i -> IngestCommand.of(dataset, "k" + i, ("id=" + i).getBytes(UTF_8)))
                            .iterator(),
                    results::add);
            return new MissingTopicRun(
                    summary, List.copyOf(results), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
    }

    @Test
    void givenRawTopicMissingAndAutoCreateOff_thenEveryEventFailsRetriableAndNoneIsPublished(KafkaEndpoint kafka) {
        DatasetName dataset = AdapterFixture.dataset(kafka, "missing");
        MissingTopicRun run = ingestIntoMissingTopic(kafka, dataset, 500, EVENTS);

        assertThat(run.summary().published()).isZero();
        assertThat(run.summary().deadLettered()).isZero();
        assertThat(run.summary().failed()).isEqualTo(EVENTS);
        assertThat(run.results()).hasSize(EVENTS).allSatisfy(r -> {
            assertThat(r).isInstanceOf(IngestionResult.Failed.class);
            IngestionResult.Failed failed = (IngestionResult.Failed) r;
            assertThat(failed.retriable()).isTrue();
            assertThat(failed.reason()).contains(kafka.bootstrapServers()).contains(AdapterFixture.NAMING.raw(dataset));
        });
    }

    @Test
    void givenRawTopicMissing_thenOneSendWaitsMaxBlockAndTheRestFailAtOnceNamingTheTopic(KafkaEndpoint kafka) {
        int events = 300; // one wait of max.block.ms each would take 10 minutes
        DatasetName dataset = AdapterFixture.dataset(kafka, "missing-many");
        MissingTopicRun run = ingestIntoMissingTopic(kafka, dataset, 2000, events);

        assertThat(run.summary().failed()).isEqualTo(events);
        List<String> reasons = run.results().stream()
                .map(r -> ((IngestionResult.Failed) r).reason())
                .toList();
        assertThat(reasons)
                .allSatisfy(reason -> assertThat(reason)
                        .contains(AdapterFixture.NAMING.raw(dataset))
                        .contains(kafka.bootstrapServers()));
        long waited = reasons.stream().filter(r -> r.contains("after 2000 ms")).count();
        long atOnce = reasons.stream()
                .filter(r -> r.contains("less than max.block.ms ago"))
                .count();
        assertThat(waited).as("sends that waited max.block.ms").isBetween(1L, 3L);
        assertThat(atOnce).isEqualTo(events - waited);
        assertThat(run.seconds()).as("a few max.block.ms, not one per event").isLessThan(60);
    }

    @Test
    void givenBrokerStoppedAfterProvisioning_thenEventsFailRetriableAndNoneIsPublished() throws Exception {
        EmbeddedKafkaConfig config =
                EmbeddedKafkaConfig.defaults().withBaseDirectory(StreamLakeExtension.workDirectory());
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(config)) {
            KafkaEndpoint own = KafkaEndpoint.of(cluster.bootstrapServers());
            DatasetName dataset = AdapterFixture.dataset(own, "stopped");
            // max.block.ms bounds how long send() waits for metadata when the stopped broker's partitions drop out
            try (KafkaAdapter adapter = AdapterFixture.adapter(
                    own,
                    "delivery.timeout.ms",
                    "3000",
                    "request.timeout.ms",
                    "1000",
                    "linger.ms",
                    "5",
                    "kafka.max.block.ms",
                    "1000")) {
                adapter.topicProvisioner().ensureTopics(dataset);
                IngestionService ingestion = AdapterFixture.ingestion(adapter, dataset);
                assertThat(ingestion
                                .ingest(IngestCommand.of(dataset, "k", "id=0".getBytes(UTF_8)))
                                .get(30, TimeUnit.SECONDS))
                        .isInstanceOf(IngestionResult.Published.class);

                cluster.stopBroker(0);
                List<CompletableFuture<IngestionResult>> pending = IntStream.range(1, 1 + EVENTS)
                        .mapToObj(
                                i -> ingestion.ingest(IngestCommand.of(dataset, "k" + i, ("id=" + i).getBytes(UTF_8))))
                        .toList();
                adapter.flush();

                assertThat(pending)
                        .allSatisfy(f -> assertThat(f.get(30, TimeUnit.SECONDS))
                                .isInstanceOfSatisfying(IngestionResult.Failed.class, failed -> {
                                    assertThat(failed.retriable()).isTrue();
                                    assertThat(failed.reason()).contains(cluster.bootstrapServers());
                                }));
            }
        }
    }
}
