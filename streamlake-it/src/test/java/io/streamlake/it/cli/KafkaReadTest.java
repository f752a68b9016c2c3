package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterPosition;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.DeadLetterBacklog;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.read.KafkaDeadLetterBacklog;
import io.streamlake.kafka.read.KafkaDeadLetterSource;
import io.streamlake.kafka.read.ReadOptions;
import io.streamlake.kafka.read.TopicReader;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.test.KafkaEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * io.streamlake.kafka.read on the real broker: dead letters read back byte for byte, with their metadata; replays
 * remembered in their consumer group.
 */
@StreamLakeIntegrationTest
class KafkaReadTest {

    private static final DatasetName ORDERS = DatasetName.of("orders");

    private final KafkaEndpoint kafka;

    KafkaReadTest(KafkaEndpoint kafka) {
        this.kafka = kafka;
    }

    private DeadLetter letter(TopicNaming naming, String key, byte[] payload, String id) {
        EventMetadata metadata = new EventMetadata(
                ORDERS,
                Optional.of(SchemaVersion.of(2)),
                id,
                Instant.parse("2026-01-02T03:04:05.678Z"),
                "svc-a",
                Map.of("tenant", "t-9"));
        return new DeadLetter(
                key,
                payload,
                metadata,
                DlqStage.VALIDATE,
                "$.amount: expected double",
                "SchemaViolation",
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                naming.raw(ORDERS),
                naming.deadLetter(ORDERS));
    }

    @Test
    void givenDeadLettersOfEveryEncoding_thenTheSourceReadsThemBackByteForByte() {
        String prefix = kafka.uniqueName("read");
        TopicNaming naming = new TopicNaming(prefix);
        KafkaAdapterConfig config =
                new KafkaAdapterConfig(Map.of("bootstrap.servers", kafka.bootstrapServers(), "topics.partitions", "2"));
        byte[] json = "{ \"order_id\" : \"r-1\", \"amount\" : 1.50e0 }".getBytes(UTF_8);
        byte[] text = "order_id=r-2; amount=\"two\"\n".getBytes(UTF_8);
        byte[] binary = {(byte) 0xFF, 0, 1, (byte) 0xC3, 0x28};
        byte[] large = ("{\"order_id\":\"r-4\",\"note\":\"" + "x".repeat(200) + "\"}").getBytes(UTF_8);
        try (KafkaAdapter adapter = KafkaAdapter.create(config, naming, 64)) {
            adapter.topicProvisioner().ensureTopics(ORDERS);
            adapter.deadLetterPort()
                    .deadLetter(letter(naming, "r-1", json, "id-1"))
                    .join();
            adapter.deadLetterPort()
                    .deadLetter(letter(naming, "r-2", text, "id-2"))
                    .join();
            adapter.deadLetterPort()
                    .deadLetter(letter(naming, "r-3", binary, "id-3"))
                    .join();
            adapter.deadLetterPort()
                    .deadLetter(letter(naming, "r-4", large, "id-4"))
                    .join();
        }

        List<RecordedDeadLetter> read = new ArrayList<>();
        long count = new KafkaDeadLetterSource(config, naming, Duration.ofSeconds(10)).readAll(ORDERS, 100, read::add);

        assertThat(count).isEqualTo(4);
        Map<String, RecordedDeadLetter> byKey = new java.util.HashMap<>();
        read.forEach(r -> byKey.put(r.deadLetter().key(), r));
        assertThat(byKey.get("r-1").deadLetter().originalPayload()).isEqualTo(json);
        assertThat(byKey.get("r-2").deadLetter().originalPayload()).isEqualTo(text);
        assertThat(byKey.get("r-3").deadLetter().originalPayload()).isEqualTo(binary);
        assertThat(byKey.get("r-4").truncated()).isTrue();
        assertThat(byKey.get("r-4").deadLetter().originalPayload()).hasSize(64);
        RecordedDeadLetter first = byKey.get("r-1");
        assertThat(first.truncated()).isFalse();
        assertThat(first.position()).startsWith(prefix + ".orders.dlq/");
        DeadLetter dl = first.deadLetter();
        assertThat(dl.stage()).isEqualTo(DlqStage.VALIDATE);
        assertThat(dl.reason()).isEqualTo("$.amount: expected double");
        assertThat(dl.errorClass()).isEqualTo("SchemaViolation");
        assertThat(dl.originalTopic()).isEqualTo(prefix + ".orders.raw");
        assertThat(dl.deadLetterTopic()).isEqualTo(prefix + ".orders.dlq");
        assertThat(dl.metadata().ingestionId()).isEqualTo("id-1");
        assertThat(dl.metadata().eventTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(dl.metadata().producerService()).isEqualTo("svc-a");
        assertThat(dl.metadata().schemaVersion()).contains(SchemaVersion.of(2));
        assertThat(dl.metadata().attributes()).containsExactly(Map.entry("tenant", "t-9"));
    }

    @Test
    void givenAMissingTopic_thenTheReaderFailsNamingIt() {
        KafkaAdapterConfig config = new KafkaAdapterConfig(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        String topic = kafka.uniqueTopic("absent");

        assertThatThrownBy(() ->
                        new TopicReader(config).read(topic, ReadOptions.snapshot(10, Duration.ofSeconds(2)), r -> {}))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("does not exist");
    }

    @Test
    void givenTheEndOffsetsAtTheStart_thenASnapshotReadStopsThereEvenWhileRecordsKeepComing() {
        String topic = kafka.createTopic(kafka.uniqueTopic("snap"), 1);
        KafkaAdapterConfig config = new KafkaAdapterConfig(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
            for (int i = 0; i < 5; i++) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, ("v" + i).getBytes(UTF_8)));
            }
            producer.flush();
            List<String> seen = new ArrayList<>();
            long read = new TopicReader(config).read(topic, ReadOptions.snapshot(100, Duration.ofSeconds(10)), r -> {
                seen.add(new String(r.value(), UTF_8));
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "later".getBytes(UTF_8)));
                producer.flush();
            });

            assertThat(read).isEqualTo(5);
            assertThat(seen).containsExactly("v0", "v1", "v2", "v3", "v4");
        }
    }

    @Test
    void givenAReplayCommittedOnlyPartOfTheDlq_thenTheNextReplayReadsOnlyTheRestAndCountsTheCommitted() {
        TopicNaming naming = new TopicNaming(kafka.uniqueName("backlog"));
        KafkaAdapterConfig config =
                new KafkaAdapterConfig(Map.of("bootstrap.servers", kafka.bootstrapServers(), "topics.partitions", "1"));
        try (KafkaAdapter adapter = KafkaAdapter.create(config, naming)) {
            adapter.topicProvisioner().ensureTopics(ORDERS);
            for (int i = 0; i < 5; i++) {
                adapter.deadLetterPort()
                        .deadLetter(letter(naming, "k-" + i, "{}".getBytes(UTF_8), "id-" + i))
                        .join();
            }
        }
        KafkaDeadLetterBacklog backlog = new KafkaDeadLetterBacklog(config, naming);

        List<DeadLetterPosition> seen = new ArrayList<>();
        try (DeadLetterBacklog.Replay replay = backlog.open(ORDERS, false)) {
            assertThat(replay.alreadyReplayed()).isZero();
            assertThat(replay.read(100, (recorded, position) -> seen.add(position)))
                    .isEqualTo(5);
            replay.commit(List.of(new DeadLetterPosition(0, 2)));
        }
        assertThat(seen).extracting(DeadLetterPosition::offset).containsExactly(0L, 1L, 2L, 3L, 4L);

        List<String> rest = new ArrayList<>();
        try (DeadLetterBacklog.Replay replay = backlog.open(ORDERS, false)) {
            assertThat(replay.alreadyReplayed()).isEqualTo(2);
            replay.read(
                    100, (recorded, position) -> rest.add(recorded.deadLetter().key()));
        }
        assertThat(rest).containsExactly("k-2", "k-3", "k-4");

        try (DeadLetterBacklog.Replay replay = backlog.open(ORDERS, true)) {
            assertThat(replay.alreadyReplayed()).isZero();
            assertThat(replay.read(100, (recorded, position) -> {})).isEqualTo(5);
        }
        assertThat(backlog.group(ORDERS)).isEqualTo("streamlake-replay." + naming.prefix() + ".orders");
    }
}
