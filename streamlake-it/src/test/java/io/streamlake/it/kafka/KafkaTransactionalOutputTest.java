package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.CheckpointedSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.core.service.CheckpointedIngestionService;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.testing.InMemoryPayloadSerializer;
import io.streamlake.core.testing.InMemoryPayloadValidator;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.test.KafkaEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The Kafka adapter's transactional output on a real broker: chunks commit their RAW records and dead letters with
 * the file's checkpoint, which reads back {@code read_committed}; a second output of the same file fences the first,
 * whose open transaction is aborted and never seen by {@code read_committed} consumers.
 */
@StreamLakeIntegrationTest
class KafkaTransactionalOutputTest {

    private static IngestionService ingestion(TransactionalOutput output, DatasetName dataset) {
        return new IngestionService(
                IngestionSettings.defaults().withTopics(AdapterFixture.NAMING),
                new KeyValuePayloadParser(),
                new InMemoryPayloadValidator().require(dataset, SchemaVersion.of(1), "id"),
                new InMemoryPayloadSerializer(),
                output.publisher(),
                output.deadLetters(),
                IdGenerator.randomUuids(),
                Clock.systemUTC());
    }

    private static TransactionalOutput open(
            KafkaEndpoint kafka, DatasetName dataset, String path, String... overrides) {
        return KafkaAdapter.openTransactional(
                new KafkaAdapterConfig(AdapterFixture.settings(kafka, overrides)),
                AdapterFixture.NAMING,
                1024,
                dataset,
                path);
    }

    @Test
    void givenARecordLargerThanMaxRequestSize_thenItIsDeadLetteredInTheTransactionWhichCommits(KafkaEndpoint kafka) {
        DatasetName dataset = AdapterFixture.dataset(kafka, "eosbig");
        try (KafkaAdapter admin = AdapterFixture.adapter(kafka)) {
            admin.topicProvisioner().ensureTopics(dataset);
        }
        String path = "/data/" + kafka.uniqueName("big") + ".jsonl";
        FileCheckpoint start = new FileCheckpoint(path, 100, 100, "ab", 0, 0);
        List<String> lines = List.of("id=1", "id=2;blob=" + "x".repeat(20_000), "id=3");
        List<IngestionResult> outcomes = new ArrayList<>();
        int[] taken = {0};
        TransactionalOutput output = open(kafka, dataset, path, "kafka.max.request.size", "8192");
        CheckpointedSummary summary;
        try (CheckpointedIngestionService file =
                new CheckpointedIngestionService(ingestion(output, dataset), output, 10, 60_000, 10)) {
            summary = file.ingestAll(
                    lines.stream()
                            .map(l -> IngestCommand.of(dataset, "k" + l.substring(0, 4), l.getBytes(UTF_8)))
                            .peek(c -> taken[0]++)
                            .iterator(),
                    () -> start.at(taken[0] * 10L, taken[0]),
                    outcomes::add);
            assertThat(file.lastCheckpoint()).contains(start.at(30, 3));
        }

        assertThat(summary.aborted()).isZero();
        assertThat(summary.transactions()).isEqualTo(1);
        assertThat(summary.committed().published()).isEqualTo(2);
        assertThat(outcomes)
                .filteredOn(IngestionResult.DeadLettered.class::isInstance)
                .singleElement()
                .satisfies(r -> {
                    IngestionResult.DeadLettered dl = (IngestionResult.DeadLettered) r;
                    assertThat(dl.stage()).isEqualTo(DlqStage.PUBLISH);
                    assertThat(dl.errorClass()).isEqualTo("RecordTooLarge");
                    assertThat(dl.reason()).contains("max.request.size");
                });
        assertThat(readCommitted(kafka, AdapterFixture.NAMING.raw(dataset)))
                .hasSize(2)
                .anyMatch(v -> v.contains("id=1"))
                .anyMatch(v -> v.contains("id=3"));
        assertThat(readCommitted(kafka, AdapterFixture.NAMING.deadLetter(dataset)))
                .singleElement()
                .satisfies(v -> assertThat(v).contains("RecordTooLarge").contains("\"payload_truncated\":true"));
    }

    @Test
    void givenChunksCommittedThenAZombieFencedByANewRun_thenReadCommittedSeesOnlyTheCommittedChunks(KafkaEndpoint kafka)
            throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "eos");
        try (KafkaAdapter admin = AdapterFixture.adapter(kafka)) {
            admin.topicProvisioner().ensureTopics(dataset);
        }
        String path = "/data/" + kafka.uniqueName("orders") + ".jsonl";
        FileCheckpoint start = new FileCheckpoint(path, 100, 100, "ab", 0, 0);
        List<String> lines = List.of("id=1", "broken", "id=3", "id=4", "id=5");

        TransactionalOutput first = open(kafka, dataset, path);
        CheckpointedSummary summary;
        int[] taken = {0};
        try (CheckpointedIngestionService file =
                new CheckpointedIngestionService(ingestion(first, dataset), first, 2, 60_000, 10)) {
            summary = file.ingestAll(
                    lines.stream()
                            .map(l -> IngestCommand.of(dataset, "k" + l, l.getBytes(UTF_8)))
                            .peek(c -> taken[0]++)
                            .iterator(),
                    () -> start.at(taken[0] * 10L, taken[0]),
                    r -> {});
            assertThat(file.lastCheckpoint()).contains(start.at(50, 5));
        }
        assertThat(summary.transactions()).isEqualTo(3);
        assertThat(summary.committed().published()).isEqualTo(4);
        assertThat(summary.committed().deadLettered()).isEqualTo(1);

        // a run that is killed: its transaction stays open until the next run of the file opens its output
        TransactionalOutput zombie = open(kafka, dataset, path);
        zombie.begin();
        IngestionResult sent = ingestion(zombie, dataset)
                .ingest(IngestCommand.of(dataset, "k6", "id=6".getBytes(UTF_8)))
                .get(30, TimeUnit.SECONDS);
        assertThat(sent).isInstanceOf(IngestionResult.Published.class);
        TransactionalOutput next = open(kafka, dataset, path);
        try {
            assertThatThrownBy(() -> zombie.commit(start.at(60, 6)))
                    .isInstanceOf(FatalStreamLakeException.class)
                    .hasMessageContaining("another run of " + path + " started");
            assertThat(next.lastCheckpoint()).contains(start.at(50, 5));
        } finally {
            zombie.close();
            next.close();
        }

        List<String> raw = readCommitted(kafka, AdapterFixture.NAMING.raw(dataset));
        assertThat(raw).hasSize(4).noneMatch(v -> v.contains("id=6"));
        assertThat(readCommitted(kafka, AdapterFixture.NAMING.deadLetter(dataset)))
                .singleElement()
                .satisfies(v -> assertThat(v).contains("broken"));
        assertThat(kafka.recordsWritten(AdapterFixture.NAMING.raw(dataset)))
                .as("the zombie's record and the markers are written, just never committed")
                .isGreaterThan(4);
    }

    @Test
    void givenAnotherWritersTransactionOpenOnTheCheckpointTopic_thenTheReadWaitsForItAndFindsTheNewestCheckpoint(
            KafkaEndpoint kafka) throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "eoswait");
        try (KafkaAdapter admin = AdapterFixture.adapter(kafka)) {
            admin.topicProvisioner().ensureTopics(dataset);
        }
        String path = "/data/" + kafka.uniqueName("a") + ".jsonl";
        FileCheckpoint start = new FileCheckpoint(path, 100, 100, "ab", 0, 0);
        try (TransactionalOutput a = open(kafka, dataset, path)) {
            a.begin();
            a.commit(start.at(10, 1));
            // another file's run, killed between its checkpoint record and its commit
            Map<String, Object> props = new HashMap<>(kafka.clientProperties());
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueName("other-run"));
            try (KafkaProducer<byte[], byte[]> other =
                    new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                other.initTransactions();
                other.beginTransaction();
                other.send(new ProducerRecord<>(
                                AdapterFixture.NAMING.checkpoints(), "/data/other.jsonl".getBytes(UTF_8), new byte[0]))
                        .get(30, TimeUnit.SECONDS);
                a.begin();
                a.commit(start.at(20, 2));
                CompletableFuture<Optional<FileCheckpoint>> read = CompletableFuture.supplyAsync(a::lastCheckpoint);
                Thread.sleep(1_500);
                assertThat(read).as("the read waits for the open transaction").isNotDone();
                other.abortTransaction();
                assertThat(read.get(30, TimeUnit.SECONDS)).contains(start.at(20, 2));
            }
        }
    }

    @Test
    void givenTwoDatasetsIngestingOneFile_thenEachReadsOnlyItsOwnCheckpoint(KafkaEndpoint kafka) {
        DatasetName orders = AdapterFixture.dataset(kafka, "eosorders");
        DatasetName audit = AdapterFixture.dataset(kafka, "eosaudit");
        String path = "/data/" + kafka.uniqueName("shared") + ".jsonl";
        FileCheckpoint start = new FileCheckpoint(path, 100, 100, "ab", 0, 0);
        try (TransactionalOutput auditRun = open(kafka, audit, path)) {
            auditRun.begin();
            auditRun.commit(start.at(100, 10));
        }
        try (TransactionalOutput ordersRun = open(kafka, orders, path)) {
            assertThat(ordersRun.lastCheckpoint())
                    .as("audit's checkpoint is not orders'")
                    .isEmpty();
            ordersRun.begin();
            ordersRun.commit(start.at(50, 5));
        }
        try (TransactionalOutput auditAgain = open(kafka, audit, path)) {
            assertThat(auditAgain.lastCheckpoint()).contains(start.at(100, 10));
        }
    }

    @Test
    void givenACheckpointOfAnotherFile_thenCommitRefusesIt(KafkaEndpoint kafka) {
        DatasetName dataset = AdapterFixture.dataset(kafka, "eosother");
        String path = "/data/" + kafka.uniqueName("mine") + ".jsonl";
        String other = "/data/" + kafka.uniqueName("other") + ".jsonl";
        try (TransactionalOutput out = open(kafka, dataset, path)) {
            out.begin();
            assertThatThrownBy(() -> out.commit(new FileCheckpoint(other, 100, 100, "ab", 10, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(other);
            out.abort();
            assertThat(out.lastCheckpoint()).isEmpty();
        }
    }

    @Test
    void givenATombstoneAfterACheckpoint_thenTheFileHasNoCheckpoint(KafkaEndpoint kafka) throws Exception {
        DatasetName dataset = AdapterFixture.dataset(kafka, "eosreset");
        String path = "/data/" + kafka.uniqueName("reset") + ".jsonl";
        try (TransactionalOutput out = open(kafka, dataset, path)) {
            out.begin();
            out.commit(new FileCheckpoint(path, 100, 100, "ab", 10, 1));
            assertThat(out.lastCheckpoint()).isPresent();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    kafka.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(
                                AdapterFixture.NAMING.checkpoints(),
                                (dataset.value() + ":" + path).getBytes(UTF_8),
                                null))
                        .get(30, TimeUnit.SECONDS);
            }
            assertThat(out.lastCheckpoint())
                    .as("the tombstone resets the checkpoint")
                    .isEmpty();
        }
    }

    @Test
    void givenACheckpointTopicThatDeletes_thenOpeningIsRefusedNamingCleanupPolicy(KafkaEndpoint kafka) {
        TopicNaming naming = new TopicNaming(kafka.uniqueName("eosdel").replaceAll("[^a-zA-Z0-9_-]", "-"));
        kafka.createTopic(new NewTopic(naming.checkpoints(), 1, (short) 1).configs(Map.of("cleanup.policy", "delete")));
        assertThatThrownBy(() -> KafkaAdapter.openTransactional(
                                new KafkaAdapterConfig(AdapterFixture.settings(kafka)),
                                naming,
                                1024,
                                DatasetName.of("orders"),
                                "/data/x.jsonl")
                        .close())
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("cleanup.policy=delete")
                .hasMessageContaining(naming.checkpoints());
    }

    private static List<String> readCommitted(KafkaEndpoint kafka, String topic) {
        return kafka
                .readToEnd(
                        topic, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Duration.ofSeconds(30))
                .stream()
                .map(r -> new String(r.value(), UTF_8))
                .toList();
    }
}
