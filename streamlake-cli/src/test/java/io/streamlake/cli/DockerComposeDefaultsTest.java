package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streamlake.cli.connect.ConnectCommand;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.schema.config.SchemaConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml must serve what StreamLake connects to by default (Kafka, the registry, the Connect worker), so
 * the two never drift apart.
 */
class DockerComposeDefaultsTest {

    private static JsonNode services;

    @BeforeAll
    static void read() throws IOException {
        Path compose = Path.of("..", "docker-compose.yml");
        services = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(compose))
                .get("services");
    }

    @Test
    void givenDefaultBootstrapServers_thenComposePublishesThatPortAndAdvertisesThatAddress() {
        Object defaults =
                KafkaAdapterConfig.configDef().defaultValues().get(KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG);
        assertThat(defaults).isEqualTo(List.of("localhost:9092"));
        JsonNode kafka = services.get("kafka");
        assertThat(texts(kafka.get("ports"))).contains("9092:9092");
        assertThat(kafka.at("/environment/KAFKA_ADVERTISED_LISTENERS").asText()).contains("PLAINTEXT://localhost:9092");
        assertThat(kafka.at("/image").asText()).startsWith("apache/kafka:4.");
        assertThat(kafka.at("/environment/KAFKA_PROCESS_ROLES").asText())
                .contains("controller")
                .contains("broker");
        assertThat(kafka.at("/healthcheck/test").isMissingNode()).isFalse();
    }

    @Test
    void givenDefaultRegistryUrl_thenComposePublishesTheRegistryOnThatPort() {
        String url = (String) SchemaConfig.configDef().defaultValues().get(SchemaConfig.REGISTRY_URL_CONFIG);
        URI registry = URI.create(url);
        assertThat(registry.getHost()).isEqualTo("localhost");
        JsonNode schemaRegistry = services.get("schema-registry");
        assertThat(texts(schemaRegistry.get("ports"))).contains(registry.getPort() + ":" + registry.getPort());
        assertThat(schemaRegistry.at("/environment/SCHEMA_REGISTRY_LISTENERS").asText())
                .endsWith(":" + registry.getPort());
        assertThat(schemaRegistry.at("/image").asText()).startsWith("confluentinc/cp-schema-registry:");
        assertThat(schemaRegistry.at("/healthcheck/test").isMissingNode()).isFalse();
        assertThat(schemaRegistry.at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void givenRegistryStore_thenItPointsAtAListenerKafkaAdvertisesInsideTheComposeNetwork() {
        String store = services.at("/schema-registry/environment/SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")
                .asText();
        String hostPort = store.substring(store.indexOf("://") + 3);
        List<String> advertised = Arrays.stream(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS")
                        .asText()
                        .split(","))
                .map(l -> l.substring(l.indexOf("://") + 3))
                .toList();
        assertThat(advertised).contains(hostPort);
    }

    @Test
    void givenTheDefaultConnectUrl_thenComposeRunsAConnectWorkerOnThatPortWithThePluginMounted() throws IOException {
        URI connectUrl = URI.create(ConnectCommand.DEFAULT_URL);
        JsonNode connect = services.get("connect");
        assertThat(connect.at("/image").asText())
                .isEqualTo(services.at("/kafka/image").asText());
        assertThat(texts(connect.get("ports"))).contains(connectUrl.getPort() + ":" + connectUrl.getPort());
        assertThat(connect.at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
        assertThat(connect.at("/healthcheck/test").isMissingNode()).isFalse();
        List<String> command = texts(connect.get("command"));
        assertThat(command.get(0)).isEqualTo("/opt/kafka/bin/connect-distributed.sh");

        Map<String, String> mounts = new HashMap<>();
        for (String volume : texts(connect.get("volumes"))) {
            String[] parts = volume.split(":");
            mounts.put(parts[1], parts[0]);
        }
        String propertiesSource = mounts.get(command.get(1));
        assertThat(propertiesSource)
                .as("the worker's properties file is mounted")
                .isNotNull();
        Properties worker = new Properties();
        try (var in = Files.newBufferedReader(Path.of("..").resolve(propertiesSource))) {
            worker.load(in);
        }
        assertThat(mounts.get(worker.getProperty("plugin.path")))
                .as("plugin.path is the plugin directory the launcher unzips")
                .isEqualTo("./streamlake-connect/target/plugin-path");
        assertThat(worker.getProperty("listeners")).endsWith(":" + connectUrl.getPort());
        List<String> advertised = Arrays.stream(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS")
                        .asText()
                        .split(","))
                .map(l -> l.substring(l.indexOf("://") + 3))
                .toList();
        assertThat(advertised).contains(worker.getProperty("bootstrap.servers"));
        for (String internal : List.of("config", "offset", "status")) {
            assertThat(worker.getProperty(internal + ".storage.replication.factor"))
                    .isEqualTo("1");
        }
        for (String converter : List.of("key", "value", "header")) {
            assertThat(worker.getProperty(converter + ".converter"))
                    .isEqualTo("org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        assertThat(worker.getProperty("exactly.once.source.support")).isEqualTo("enabled");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
