package io.streamlake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaClusterTest {

    private static EmbeddedKafkaConfig config() {
        return EmbeddedKafkaConfig.defaults().withBaseDirectory(TestDirs.work().resolve("kafka"));
    }

    @Test
    void givenSingleBroker_whenRecordProduced_thenPlainConsumerReadsIt_andCloseDeletesData() throws Exception {
        Path dir;
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(config())) {
            assertThat(cluster.brokerCount()).isEqualTo(1);
            assertThat(cluster.bootstrapServers()).matches("localhost:\\d+");
            dir = dataDirectoryOf(cluster);
            createTopic(cluster, "t1", 1, (short) 1);
            RecordMetadata sent = produce(cluster, "t1", "k", "hello");
            assertThat(sent.offset()).isZero();
            List<ConsumerRecord<String, String>> read = consume(cluster, "t1", 1);
            assertThat(read).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("k");
                assertThat(r.value()).isEqualTo("hello");
            });
        }
        assertThat(dir).doesNotExist();
    }

    /** Also covers a client listener on separate broker nodes and its new port after a restart. */
    @Test
    void givenThreeBrokers_whenOneStoppedAndRestarted_thenClusterKeepsServingAndItRejoinsTheIsr() throws Exception {
        ClientListener client = new ClientListener("CLIENT", SecurityProtocol.PLAINTEXT);
        try (EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.start(config().withBrokers(3).withClientListener(client))) {
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            assertThat(cluster.listenerBootstrapServers("CLIENT").split(","))
                    .hasSize(3)
                    .doesNotContainAnyElementsOf(
                            List.of(cluster.bootstrapServers().split(",")));
            createTopic(cluster, "replicated", 3, (short) 3);

            cluster.stopBroker(1);
            assertThat(cluster.isRunning(1)).isFalse();
            assertThat(liveBrokers(cluster)).containsExactlyInAnyOrder(0, 2);
            produce(cluster, "replicated", "a", "while-1-down");

            cluster.restartBroker(1);
            assertThat(cluster.isRunning(1)).isTrue();
            assertThat(liveBrokers(cluster)).containsExactlyInAnyOrder(0, 1, 2);
            awaitInAllIsrs(cluster, "replicated", 1);
            produce(cluster, "replicated", "b", "after-restart");
            assertThat(consume(cluster, "replicated", 2))
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("while-1-down", "after-restart");

            String restartedAddress = cluster.listenerBootstrapServers("CLIENT").split(",")[1];
            assertThat(cluster.runningListenerAddresses("CLIENT")).hasSize(3).contains(restartedAddress);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, restartedAddress))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .hasSize(3);
            }
        }
    }

    @Test
    void givenUnknownBrokerId_thenStopIsRefusedNamingTheIdsAndStartPrintedNothingToStandardOutput() {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(printed, true));
        EmbeddedKafkaCluster started;
        try {
            started = EmbeddedKafkaCluster.start(config());
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString())
                .as("Kafka's storage formatter output goes to the log")
                .isEmpty();
        try (EmbeddedKafkaCluster cluster = started) {
            assertThatThrownBy(() -> cluster.stopBroker(7))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no broker 7")
                    .hasMessageContaining("[0]");
        }
    }

    @Test
    void givenReadinessTimeoutTooShort_thenStartFailsNamingTheBrokersThatWereNotReady() {
        EmbeddedKafkaConfig impatient = config().withReadinessTimeout(Duration.ofMillis(1));
        assertThatThrownBy(() -> EmbeddedKafkaCluster.start(impatient))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining("timed out after 1 ms")
                .hasMessageContaining("brokers [0] not registered and unfenced");
    }

    private static Path dataDirectoryOf(EmbeddedKafkaCluster cluster) throws Exception {
        try (Stream<Path> dirs = Files.list(cluster.config().baseDirectory())) {
            List<Path> candidates =
                    dirs.filter(p -> cluster.toString().contains(p.toString())).toList();
            assertThat(candidates).hasSize(1);
            return candidates.get(0);
        }
    }

    private static Admin admin(EmbeddedKafkaCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static void createTopic(EmbeddedKafkaCluster cluster, String topic, int partitions, short rf)
            throws Exception {
        try (Admin admin = admin(cluster)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, rf)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<Integer> liveBrokers(EmbeddedKafkaCluster cluster) throws Exception {
        try (Admin admin = admin(cluster)) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .collect(Collectors.toSet());
        }
    }

    private static void awaitInAllIsrs(EmbeddedKafkaCluster cluster, String topic, int brokerId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Admin admin = admin(cluster)) {
            while (true) {
                TopicDescription d = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic);
                boolean inAll = d.partitions().stream()
                        .map(TopicPartitionInfo::isr)
                        .allMatch(isr -> isr.stream().anyMatch(n -> n.id() == brokerId));
                if (inAll) {
                    return;
                }
                assertThat(System.nanoTime())
                        .as("broker %d back in every ISR of %s", brokerId, topic)
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private static RecordMetadata produce(EmbeddedKafkaCluster cluster, String topic, String key, String value)
            throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consume(
            EmbeddedKafkaCluster cluster, String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
