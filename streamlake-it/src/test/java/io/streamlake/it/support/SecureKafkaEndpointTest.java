package io.streamlake.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@StreamLakeIntegrationTest
class SecureKafkaEndpointTest {

    @Test
    void givenSecureEndpoint_whenProducedOverSaslSsl_thenReadBackOverSaslSsl(SecureKafkaEndpoint secure)
            throws Exception {
        String topic = secure.plaintext().createTopic(secure.plaintext().uniqueTopic("secure"), 1);
        Map<String, Object> props = new HashMap<>(secure.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "sealed")).get(30, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<byte[], byte[]>> read =
                secure.plaintext().consumeAll(topic, 1, Duration.ofSeconds(30), secure.clientProperties());
        assertThat(read)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("sealed");
        assertThat(secure.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", secure.bootstrapServers());
    }

    @Test
    void givenWrongPassword_thenProducerFailsFastWithSaslAuthenticationException(SecureKafkaEndpoint secure) {
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                secure.clientProperties(secure.username(), "wrong-password"),
                new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.partitionsFor("anything"))
                    .isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("SCRAM-SHA-512");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void givenTwoRequests_thenSameEndpoint_andToStringHidesSecrets(
            SecureKafkaEndpoint first, SecureKafkaEndpoint second) {
        assertThat(first).isSameAs(second);
        assertThat(first.toString())
                .contains(first.username())
                .doesNotContain(first.password())
                .doesNotContain(first.trustStorePassword());
        assertThat(first.trustStoreLocation()).exists();
    }
}
