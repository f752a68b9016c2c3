package io.streamlake.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A cluster on a kept data directory and a fixed client port, as {@code streamlake dev} runs it. */
class EmbeddedKafkaClusterKeptDataTest {

    private static final String LISTENER = "CLIENT";

    @Test
    void givenKeptDataDirectoryAndFixedPort_whenRestarted_thenTopicRecordClusterIdAndPortAreTheSame() throws Exception {
        Path data = Directories.createUnique(TestDirs.work().resolve("kafka"), "kept-");
        int port = freePort();
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults()
                .withClientListener(new ClientListener(LISTENER, SecurityProtocol.PLAINTEXT, port))
                .withDataDirectory(data);
        String clusterId;
        try (EmbeddedKafkaCluster first = EmbeddedKafkaCluster.start(config)) {
            assertThat(first.listenerBootstrapServers(LISTENER)).isEqualTo("localhost:" + port);
            clusterId = first.clusterId();
            String bootstrap = first.listenerBootstrapServers(LISTENER);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            produce(bootstrap, "kept", "before-restart");
        }
        assertThat(data).isDirectory();

        try (EmbeddedKafkaCluster second = EmbeddedKafkaCluster.start(config)) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(second.listenerBootstrapServers(LISTENER)).isEqualTo("localhost:" + port);
            String bootstrap = second.listenerBootstrapServers(LISTENER);
            assertThat(topics(bootstrap)).contains("kept");
            assertThat(consume(bootstrap, "kept", 1)).containsExactly("before-restart");
            produce(bootstrap, "kept", "after-restart");
            assertThat(consume(bootstrap, "kept", 2)).containsExactly("before-restart", "after-restart");
        }

        Directories.deleteQuietly(data);
        try (EmbeddedKafkaCluster fresh = EmbeddedKafkaCluster.start(config)) {
            assertThat(fresh.clusterId()).isNotEqualTo(clusterId);
            assertThat(topics(fresh.listenerBootstrapServers(LISTENER))).doesNotContain("kept");
        } finally {
            Directories.deleteQuietly(data);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Set<String> topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        Map<String, Object> props =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consume(String bootstrap, String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
