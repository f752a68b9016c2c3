package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code cli-file}'s baselines: Kafka's ConsoleProducer and kcat as child processes, on the keyed console lines, the
 * key-and-value lines and the bare JSON lines, and what they write compared with what StreamLake writes for the same
 * lines; each run's CPU (the child's and the broker process's). No timing assertion. The kcat tests need kcat on the
 * PATH and are skipped without it.
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
        assertThat(result.isVoid()).isFalse();
        // a JVM that starts and sends uses well over 10 ms of CPU; the broker takes its requests
        assertThat(result.cpuNanos()).isPresent();
        assertThat(result.cpuNanos().getAsLong()).isGreaterThan(100_000_000L);
        assertThat(result.brokerCpuNanos()).isPresent();
        assertThat(result.brokerCpuNanos().getAsLong()).isPositive();
    }

    @Test
    void givenProcessThatFailsAndWritesNothing_thenItsRunIsVoidNamingTheExitCodeAndLog() throws Exception {
        String topic = cluster.freshTopics("Vfail").raw(Workload.DATASET);

        RunResult result = ProcessRun.measure(
                "failing",
                0,
                List.of("sh", "-c", "exit 3"),
                cluster,
                topic,
                10,
                2_000,
                work.resolve("logs"),
                null,
                false);

        assertThat(result.isVoid()).isTrue();
        assertThat(result.delivered()).isZero();
        assertThat(result.voidReason())
                .hasValueSatisfying(why -> assertThat(why).contains("exited with 3", "failing-0.log"));
    }

    @Test
    void givenKeyedLines_thenConsoleProducerKeyValueWritesStreamLakesKeyAndValueWithoutHeaders() throws Exception {
        Workload workload = new Workload(EVENTS, 200);
        Path file = workload.writeKeyedLines(work.resolve("orders-kv-" + EVENTS + ".txt"), EVENTS);
        TopicNaming topics = cluster.freshTopics("Kvcp");

        RunResult console = ProcessRun.console(
                cluster,
                topics,
                ProcessRun.ConsoleInput.KEY_VALUE,
                file,
                EVENTS,
                EVENTS * 200L,
                0,
                List.of("-Xmx128m"),
                work.resolve("logs"));

        assertThat(console.label()).isEqualTo("cli-file console key+value");
        assertThat(console.delivered()).isEqualTo(EVENTS);
        Map<String, ConsumerRecord<byte[], byte[]>> written = byKey(topics.raw(Workload.DATASET));
        for (int n = 0; n < EVENTS; n++) {
            ConsumerRecord<byte[], byte[]> r = written.get(new String(workload.key(n), UTF_8));
            assertThat(r).as("key of event " + n).isNotNull();
            assertThat(r.value()).isEqualTo(workload.payload(n));
            assertThat(r.headers().toArray()).isEmpty();
        }
    }

    @Test
    void givenKeyedLines_thenKcatLikeForLikeWritesWhatStreamLakeWritesAndPlainKcatOnlyKeyAndValue() throws Exception {
        Optional<Path> kcat = KcatRun.locate(BenchOptions.DEFAULT_KCAT);
        assumeTrue(kcat.isPresent(), "kcat on the PATH");
        Workload workload = new Workload(EVENTS, 200);
        Path file = workload.writeKeyedLines(work.resolve("orders-kcat-" + EVENTS + ".txt"), EVENTS);

        RunResult like = KcatRun.run(
                cluster, KcatRun.Mode.LIKE_FOR_LIKE, kcat.get(), file, EVENTS, EVENTS * 200L, 0, work.resolve("logs"));
        RunResult plain = KcatRun.run(
                cluster, KcatRun.Mode.PLAIN, kcat.get(), file, EVENTS, EVENTS * 200L, 0, work.resolve("logs"));
        RunResult streamlake = StreamLakeRun.run(
                cluster,
                workload,
                "Ksl",
                0,
                EVENTS,
                false,
                BenchRunner.MOCK_REGISTRY,
                IngestionSettings.DEFAULT_PREPARE_THREADS);

        assertThat(like.label()).isEqualTo("cli-file kcat-like");
        assertThat(plain.label()).isEqualTo("cli-file kcat");
        for (RunResult r : List.of(like, plain)) {
            assertThat(r.isVoid()).as(r.label() + " " + r.voidReason()).isFalse();
            assertThat(r.cpuNanos()).as(r.label()).isPresent();
            assertThat(r.brokerCpuNanos()).as(r.label()).isPresent();
            assertThat(r.peakRssKb()).as(r.label()).isPresent();
        }
        Map<String, ConsumerRecord<byte[], byte[]>> fromKcat = byKey(topicOf("-clifilekl"));
        Map<String, ConsumerRecord<byte[], byte[]>> fromPlain = byKey(topicOf("-clifilekc"));
        Map<String, ConsumerRecord<byte[], byte[]>> fromStreamLake = byKey(topicOf("-Ksl"));
        assertThat(fromKcat.keySet()).hasSize(EVENTS).isEqualTo(fromStreamLake.keySet());
        assertThat(fromPlain.keySet()).isEqualTo(fromStreamLake.keySet());
        for (String key : fromStreamLake.keySet()) {
            ConsumerRecord<byte[], byte[]> sl = fromStreamLake.get(key);
            ConsumerRecord<byte[], byte[]> kc = fromKcat.get(key);
            assertThat(kc.value()).as(key).isEqualTo(sl.value());
            assertThat(fromPlain.get(key).value()).as(key).isEqualTo(sl.value());
            assertThat(fromPlain.get(key).headers().toArray()).isEmpty();
            assertThat(kc.partition())
                    .as("murmur2 of the same key, same partition: " + key)
                    .isEqualTo(sl.partition());
            assertSameHeaders(key, sl.headers().toArray(), kc.headers().toArray());
        }
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
            assertSameHeaders(key, sl.headers().toArray(), cp.headers().toArray());
        }
    }

    /** The same header names in the same order; the same values, except ids and times of the same shape. */
    private static void assertSameHeaders(String key, Header[] slHeaders, Header[] cpHeaders) {
        assertThat(cpHeaders)
                .as(key)
                .extracting(Header::key)
                .containsExactly(List.of(slHeaders).stream().map(Header::key).toArray(String[]::new));
        for (int h = 0; h < slHeaders.length; h++) {
            String name = slHeaders[h].key();
            String slValue = new String(slHeaders[h].value(), UTF_8);
            String cpValue = new String(cpHeaders[h].value(), UTF_8);
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
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.put(new String(r.key(), UTF_8), r));
            }
        }
        return out;
    }

    @Test
    void givenAvroVariant_thenProduceCommandAddsAvroAndTheRegistryAfterTheJvmOptions() {
        List<String> command = ProcessRun.streamlakeCommand(
                List.of("/jdk/bin/java", "-jar", "/x/streamlake.jar"),
                List.of("-Xmx512m"),
                Path.of("/tmp/orders.jsonl"),
                "h:1",
                "bench.p",
                ProcessRun.Variant.avro("mock://bench"));

        assertThat(command)
                .containsExactly(
                        "/jdk/bin/java",
                        "-Xmx512m",
                        "-jar",
                        "/x/streamlake.jar",
                        "produce",
                        "--dataset",
                        "orders",
                        "--file",
                        "/tmp/orders.jsonl",
                        "--key-field",
                        "order_id",
                        "--bootstrap-servers",
                        "h:1",
                        "--topic-prefix",
                        "bench.p",
                        "--serialization",
                        "avro",
                        "--schema-registry-url",
                        "mock://bench");
        assertThat(ProcessRun.Variant.avro("mock://bench").label()).isEqualTo("cli-file avro");
        assertThat(ProcessRun.Variant.avro("mock://bench").transactional()).isFalse();
    }

    @Test
    void givenJsonAndExactlyOnceVariants_thenTheirLabelsAndArgumentsAreTheExistingOnes() {
        assertThat(ProcessRun.Variant.JSON.label()).isEqualTo("cli-file streamlake");
        assertThat(ProcessRun.Variant.JSON.arguments()).containsExactly("--serialization", "json");
        assertThat(ProcessRun.Variant.EXACTLY_ONCE.label()).isEqualTo("cli-file exactly-once");
        assertThat(ProcessRun.Variant.EXACTLY_ONCE.arguments())
                .containsExactly("--serialization", "json", "--set", "delivery.guarantee=exactly-once");
        assertThat(ProcessRun.Variant.EXACTLY_ONCE.transactional()).isTrue();
        assertThat(ProcessRun.Variant.JSON.as("connect-file produce", "connectproduce"))
                .isEqualTo(new ProcessRun.Variant(
                        "connect-file produce", "connectproduce", List.of("--serialization", "json"), false));
    }
}
