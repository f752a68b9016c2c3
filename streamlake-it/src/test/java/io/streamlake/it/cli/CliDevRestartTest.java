package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamlake dev} on chosen ports and a kept data directory: restart keeps data and ports, --fresh wipes. */
class CliDevRestartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = "dev-kept";

    @TempDir
    Path dir;

    @Test
    void givenKafkaPortTaken_whenDevRestartedOnItsDataDir_thenNextPortIsSaidAndKept_dataIsBack_andFreshWipesIt()
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int wanted = taken.getLocalPort();
            int registryPort = portOutside(wanted);
            String[] args = {
                "--data-dir",
                "devdata",
                "--kafka-port",
                Integer.toString(wanted),
                "--registry-port",
                Integer.toString(registryPort)
            };

            String bootstrap;
            String registry;
            try (DevProcess dev = DevProcess.start(dir, args)) {
                bootstrap = dev.bootstrapServers();
                registry = dev.registryUrl();
                int chosen = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
                assertThat(chosen).isGreaterThan(wanted);
                assertThat(dev.err()).contains("port " + wanted + " is taken; Kafka listens on " + chosen + " instead");
                assertThat(registry).isEqualTo("http://127.0.0.1:" + registryPort + "/apis/ccompat/v7");
                createTopicAndProduce(bootstrap, "before-restart");
                assertThat(registerSchema(registry, TOPIC + "-value")).isEqualTo(200);
            }

            try (DevProcess dev = DevProcess.start(dir, args)) {
                assertThat(dev.bootstrapServers()).isEqualTo(bootstrap);
                assertThat(dev.registryUrl()).isEqualTo(registry);
                assertThat(consume(bootstrap, 1)).containsExactly("before-restart");
                assertThat(subjects(registry)).contains("\"" + TOPIC + "-value\"");
            }

            String[] fresh = new String[args.length + 1];
            System.arraycopy(args, 0, fresh, 0, args.length);
            fresh[args.length] = "--fresh";
            try (DevProcess dev = DevProcess.start(dir, fresh)) {
                assertThat(dev.err()).contains("--fresh: deleted " + dir.resolve("devdata"));
                assertThat(dev.bootstrapServers()).isEqualTo(bootstrap);
                assertThat(topics(bootstrap)).doesNotContain(TOPIC);
                assertThat(subjects(registry)).isEqualTo("[]");
            }
        }
    }

    /** A free port well away from {@code kafka}, so the search for Kafka's next free port cannot meet it. */
    private static int portOutside(int kafka) {
        while (true) {
            int port = DevProcess.freePort();
            if (Math.abs(port - kafka) > 20) {
                return port;
            }
        }
    }

    private static void createTopicAndProduce(String bootstrap, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> props =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "k", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consume(String bootstrap, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static int registerSchema(String registry, String subject) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(registry + "/subjects/" + subject + "/versions"))
                                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String subjects(String registry) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(registry + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
