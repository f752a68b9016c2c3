package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cli-file}'s baseline: Kafka's ConsoleProducer as a child process, on the keyed console lines and on the bare JSON lines,
 * and what it writes compared with what StreamLake writes for the same lines. No timing assertion.
 */
class ProcessRunTest {

    private static final int EVENTS = 40;
    private static Path work;
    private static BenchCluster cluster;

    @BeforeAll
    static void startCluster() {
        work = Path.of(System.getProperty("streamlake.bench.workdir", "target"), "process-smoke");
        cluster = BenchCluster.open(BenchOptions.defaults().withPartitions(2).withWorkDirectory(work));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void givenJsonLinesFile_thenBareConsoleProducerProcessWritesEveryLineAndReportsItsPeakRss() throws Exception {
        Workload workload = new Workload(500, 200);
        Path file = workload.writeJsonLines(work.resolve("orders-500.jsonl"), 500);

        RunResult result = ProcessRun.console(
                cluster,
                ProcessRun.ConsoleInput.BARE,
                file,
                500,
                500L * 200,
                0,
                List.of("-Xmx128m"),
                work.resolve("logs"));

        assertThat(result.label()).isEqualTo("cli-file console bare");
        assertThat(result.acknowledged()).isEqualTo(500);
        assertThat(result.payloadBytes()).isEqualTo(500L * 200);
        assertThat(result.peakRssKb()).isPresent();
        assertThat(result.peakRssKb().getAsLong()).isPositive();
    }

    @Test
    void givenConsoleLines_thenConsoleProducerWritesTheKeyValueAndHeadersStreamLakeWritesForTheSameLines()
            throws Exception {
        Workload workload = new Workload(EVENTS, 200);
        Path file = ConsoleLines.write(workload, work.resolve("orders-" + EVENTS + ".console.txt"), EVENTS);
        TopicNaming consoleTopics = cluster.freshTopics("Vcp");

        RunResult console = ProcessRun.console(
                cluster,
                consoleTopics,
                ProcessRun.ConsoleInput.KEYED,
                file,
                EVENTS,
                EVENTS * 200L,
                0,
                List.of("-Xmx128m"),
                work.resolve("logs"));
        RunResult streamlake = StreamLakeRun.run(
                cluster,
                workload,
                "Vsl",
                0,
                EVENTS,
                false,
                BenchRunner.MOCK_REGISTRY,
                IngestionSettings.DEFAULT_PREPARE_THREADS);

        assertThat(console.label()).isEqualTo("cli-file console");
        assertThat(console.acknowledged()).isEqualTo(EVENTS);
        assertThat(streamlake.acknowledged()).isEqualTo(EVENTS);
        Map<String, ConsumerRecord<byte[], byte[]>> fromConsole = byKey(consoleTopics.raw(Workload.DATASET));
        Map<String, ConsumerRecord<byte[], byte[]>> fromStreamLake = byKey(topicOf("-Vsl"));
        assertThat(fromConsole).hasSize(EVENTS);
        assertThat(fromConsole.keySet()).isEqualTo(fromStreamLake.keySet());
        for (String key : fromStreamLake.keySet()) {
            ConsumerRecord<byte[], byte[]> sl = fromStreamLake.get(key);
            ConsumerRecord<byte[], byte[]> cp = fromConsole.get(key);
            assertThat(cp.value()).as(key).isEqualTo(sl.value());
            assertThat(cp.partition()).as("same key, same partition: " + key).isEqualTo(sl.partition());
            Header[] slHeaders = sl.headers().toArray();
            Header[] cpHeaders = cp.headers().toArray();
            assertThat(cpHeaders)
                    .extracting(Header::key)
                    .containsExactly(
                            List.of(slHeaders).stream().map(Header::key).toArray(String[]::new));
            for (int h = 0; h < slHeaders.length; h++) {
                String name = slHeaders[h].key();
                String slValue = new String(slHeaders[h].value(), java.nio.charset.StandardCharsets.UTF_8);
                String cpValue = new String(cpHeaders[h].value(), java.nio.charset.StandardCharsets.UTF_8);
                if (name.equals(HeaderNames.INGESTION_ID)) {
                    assertThat(UUID.fromString(cpValue).version())
                            .isEqualTo(UUID.fromString(slValue).version());
                    assertThat(cpValue).hasSameSizeAs(slValue);
                } else if (name.equals(HeaderNames.EVENT_TIME)) {
                    Instant.parse(cpValue);
                    Instant.parse(slValue);
                    assertThat(cpValue.length())
                            .as("event_time text of the same shape")
                            .isBetween(20, 30);
                } else {
                    assertThat(cpValue).as(name).isEqualTo(slValue);
                }
            }
        }
    }

    private static String topicOf(String label) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            return admin.listTopics().names().get().stream()
                    .filter(t -> t.contains(label) && t.endsWith(".raw"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static Map<String, ConsumerRecord<byte[], byte[]>> byKey(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        Map<String, ConsumerRecord<byte[], byte[]>> out = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < EVENTS && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> out.put(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8), r));
            }
        }
        return out;
    }
}
