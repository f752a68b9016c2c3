package io.streamlake.test.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.embedded.EmbeddedKafkaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One broker with a SASL_SSL (SCRAM-SHA-512) listener, shared by the tests of this class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaslSslKafkaClusterTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "al1ce-\"quoted\"-pw";
    /** Bound against a retry-until-timeout loop (default api timeout 60 s), not a performance claim. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(15);

    private static SaslSslKafkaCluster cluster;
    private static SaslSslSettings settings;

    @BeforeAll
    static void startCluster() throws Exception {
        Path work = TestDirs.work();
        settings = SaslSslSettings.withGeneratedTls(Files.createTempDirectory(work, "tls-"), Map.of(USER, PASSWORD));
        cluster = SaslSslKafkaCluster.start(
                EmbeddedKafkaConfig.defaults().withBaseDirectory(work.resolve("kafka")), settings);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void givenScramUser_whenProducingOverSaslSsl_thenConsumerOverSaslSslReadsItBack() throws Exception {
        assertThat(cluster.bootstrapServers())
                .matches("localhost:\\d+")
                .isNotEqualTo(cluster.plaintextBootstrapServers());
        String topic = "secure-orders";
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.plaintextBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> props = new HashMap<>(cluster.clientProperties(USER, PASSWORD));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k1", "over TLS")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consume(cluster.clientProperties(USER, PASSWORD), topic))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("over TLS"));
    }

    @Test
    void givenWrongPassword_whenProducerAsksForPartitions_thenSaslAuthenticationExceptionFast() {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties(USER, "not-" + PASSWORD));
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.partitionsFor("secure-orders"))
                    .isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials")
                    .hasMessageContaining("SCRAM-SHA-512")
                    .hasMessageNotContaining(PASSWORD);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(FAIL_FAST);
    }

    @Test
    void givenUnknownUser_whenAdminDescribesCluster_thenSaslAuthenticationExceptionFast() {
        long began = System.nanoTime();
        try (Admin admin = Admin.create(cluster.clientProperties("mallory", PASSWORD))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("SCRAM-SHA-512");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(FAIL_FAST);
    }

    @Test
    void givenUserCreatedAfterStart_whenConnecting_thenAuthenticated_andPlaintextListenerStillServes()
            throws Exception {
        cluster.createScramUser("bob", "b0b-secret");
        try (Admin admin = Admin.create(cluster.clientProperties("bob", "b0b-secret"))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.plaintextBootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the others, so that their log lines are checked too
    void givenSecrets_thenNeitherToStringsNorTheTestLogContainThem() throws Exception {
        List<String> secrets = List.of(
                PASSWORD, settings.tls().keyStorePassword(), settings.tls().trustStorePassword());
        String described = settings + " " + cluster + " " + cluster.embedded().config();
        Path log = TestDirs.work().resolve("logs/streamlake-test.log");
        String logText = Files.exists(log) ? Files.readString(log) : "";
        assertThat(logText).contains("SCRAM-SHA-512 users [" + USER + "]");
        for (String secret : secrets) {
            assertThat(described).doesNotContain(secret);
            assertThat(logText).doesNotContain(secret);
        }
    }

    private static List<ConsumerRecord<String, String>> consume(Map<String, Object> clientProps, String topic) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
