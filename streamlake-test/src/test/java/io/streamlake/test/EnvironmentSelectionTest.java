package io.streamlake.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.test.EnvironmentSelection.EmbeddedKafka;
import io.streamlake.test.EnvironmentSelection.EmbeddedRegistry;
import io.streamlake.test.EnvironmentSelection.ExternalKafka;
import io.streamlake.test.EnvironmentSelection.ExternalRegistry;
import io.streamlake.test.EnvironmentSelection.ProvidedKafka;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSelectionTest {

    private static final Map<String, String> USER_SHELL =
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "dev-cluster:9092", "SCHEMA_REGISTRY_URL", "http://dev-registry:8081");

    @Test
    void givenNothingAsked_thenKafkaAndRegistryAreEmbedded() {
        assertThat(EnvironmentSelection.kafka(Map.of(), Map.of())).isEqualTo(new EmbeddedKafka());
        assertThat(EnvironmentSelection.registry(Map.of(), Map.of())).isEqualTo(new EmbeddedRegistry());
    }

    @Test
    void givenKafkaBootstrapServersAndSchemaRegistryUrlInTheShell_thenTheyAreIgnoredAndBothStayEmbedded() {
        assertThat(EnvironmentSelection.kafka(Map.of(), USER_SHELL)).isEqualTo(new EmbeddedKafka());
        assertThat(EnvironmentSelection.registry(Map.of(), USER_SHELL)).isEqualTo(new EmbeddedRegistry());
    }

    @Test
    void givenTheSystemProperty_thenThatExternalClusterIsUsed_evenWithKafkaBootstrapServersSet() {
        assertThat(EnvironmentSelection.kafka(Map.of("streamlake.it.bootstrap.servers", " ci-kafka:9092 "), USER_SHELL))
                .isEqualTo(new ExternalKafka("ci-kafka:9092", "-Dstreamlake.it.bootstrap.servers"));
    }

    @Test
    void givenTheTestEnvironmentVariable_thenThatExternalCluster_butTheSystemPropertyWins() {
        Map<String, String> env = Map.of("STREAMLAKE_IT_BOOTSTRAP_SERVERS", "env-kafka:9092");
        assertThat(EnvironmentSelection.kafka(Map.of(), env))
                .isEqualTo(new ExternalKafka("env-kafka:9092", "STREAMLAKE_IT_BOOTSTRAP_SERVERS"));
        assertThat(EnvironmentSelection.kafka(Map.of("streamlake.it.bootstrap.servers", "prop-kafka:9092"), env))
                .isEqualTo(new ExternalKafka("prop-kafka:9092", "-Dstreamlake.it.bootstrap.servers"));
    }

    @Test
    void givenAnExternalRegistry_thenItsUrlWithoutTrailingSlash() {
        assertThat(EnvironmentSelection.registry(
                        Map.of("streamlake.it.schema.registry.url", "http://ci-registry:8081/"), USER_SHELL))
                .isEqualTo(new ExternalRegistry("http://ci-registry:8081", "-Dstreamlake.it.schema.registry.url"));
        assertThat(EnvironmentSelection.registry(
                        Map.of(), Map.of("STREAMLAKE_IT_SCHEMA_REGISTRY_URL", "http://env-registry:8081")))
                .isEqualTo(new ExternalRegistry("http://env-registry:8081", "STREAMLAKE_IT_SCHEMA_REGISTRY_URL"));
    }

    @Test
    void givenKafkaModeTestcontainers_thenTheProviderOfThatName_andEmbeddedStaysEmbedded() {
        assertThat(EnvironmentSelection.kafka(Map.of("streamlake.it.kafka", "Testcontainers"), USER_SHELL))
                .isEqualTo(new ProvidedKafka("testcontainers"));
        assertThat(EnvironmentSelection.kafka(Map.of("streamlake.it.kafka", "embedded"), USER_SHELL))
                .isEqualTo(new EmbeddedKafka());
    }

    @Test
    void givenBothAnExternalClusterAndAProvider_thenTheChoiceIsRefusedNamingBoth() {
        assertThatThrownBy(() -> EnvironmentSelection.kafka(
                        Map.of(
                                "streamlake.it.kafka",
                                "testcontainers",
                                "streamlake.it.bootstrap.servers",
                                "ci-kafka:9092"),
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamlake.it.bootstrap.servers")
                .hasMessageContaining("testcontainers");
    }
}
