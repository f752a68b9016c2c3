package io.streamlake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaConfigTest {

    @Test
    void givenPasswordAndJaasBrokerProperties_thenToStringHidesTheirValuesOnly() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults()
                .withBrokerProperty("listener.name.secure.ssl.keystore.password", "k3y-secret")
                .withBrokerProperty("listener.name.secure.scram-sha-512.sasl.jaas.config", "jaas-secret")
                .withBrokerProperty("num.io.threads", "4");

        assertThat(config.toString())
                .doesNotContain("k3y-secret")
                .doesNotContain("jaas-secret")
                .contains("num.io.threads=4")
                .contains("listener.name.secure.ssl.keystore.password=(hidden)");
    }

    @Test
    void givenClientListenerNames_thenReservedAndDuplicateNamesAreRefused() {
        assertThatThrownBy(() -> new ClientListener("EXTERNAL", SecurityProtocol.SSL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EXTERNAL");
        assertThatThrownBy(() -> new ClientListener("secure", SecurityProtocol.SSL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upper-case");
        ClientListener secure = new ClientListener("SECURE", SecurityProtocol.SASL_SSL);
        assertThat(secure.propertyPrefix()).isEqualTo("listener.name.secure.");
        assertThatThrownBy(() -> EmbeddedKafkaConfig.defaults()
                        .withClientListener(secure)
                        .withClientListener(secure))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
    }

    @Test
    void givenFixedListenerPort_thenMoreThanOneBrokerAndPortsOutOfRangeAreRefused() {
        ClientListener fixed = new ClientListener("CLIENT", SecurityProtocol.PLAINTEXT, 19092);
        assertThat(fixed.port()).isEqualTo(19092);
        assertThatThrownBy(() ->
                        EmbeddedKafkaConfig.defaults().withClientListener(fixed).withBrokers(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single broker");
        assertThatThrownBy(() -> new ClientListener("CLIENT", SecurityProtocol.PLAINTEXT, 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
