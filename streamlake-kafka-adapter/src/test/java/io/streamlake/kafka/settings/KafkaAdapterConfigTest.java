package io.streamlake.kafka.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaAdapterConfigTest {

    private static KafkaAdapterConfig config(String... keyValues) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return new KafkaAdapterConfig(settings);
    }

    @Test
    void givenNoSettings_thenProducerIsDurableOrderedAndBatched() {
        Map<String, Object> props = config().producerProperties();

        assertThat(props)
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("client.id", "streamlake-producer")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.in.flight.requests.per.connection", 5)
                .containsEntry("linger.ms", 10L)
                .containsEntry("batch.size", 65_536)
                .containsEntry("compression.type", "lz4")
                .containsEntry("delivery.timeout.ms", 120_000)
                .containsEntry("request.timeout.ms", 30_000)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        assertThat(new ProducerConfig(props).getString("acks")).isEqualTo("-1");
    }

    @Test
    void givenConfigDef_thenEveryPublicKeyIsDeclared() {
        assertThat(KafkaAdapterConfig.configDef().names())
                .containsExactlyInAnyOrder(
                        "bootstrap.servers",
                        "client.id",
                        "acks",
                        "enable.idempotence",
                        "max.in.flight.requests.per.connection",
                        "linger.ms",
                        "batch.size",
                        "compression.type",
                        "delivery.timeout.ms",
                        "request.timeout.ms",
                        "unsafe.producer.settings.allowed",
                        "headers.style",
                        "outage.fail.after.ms",
                        "connect.check.timeout.ms",
                        "topics.partitions",
                        "topics.replication.factor",
                        "topics.min.insync.replicas",
                        "topics.dlq.retention.ms",
                        "topics.raw.retention.ms",
                        "topics.ready.timeout.ms",
                        "transactional.id.prefix");
        KafkaAdapterConfig.configDef()
                .configKeys()
                .values()
                .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }

    @ParameterizedTest
    @CsvSource({
        "acks, 1",
        "kafka.acks, 1",
        "enable.idempotence, false",
        "kafka.enable.idempotence, false",
        "max.in.flight.requests.per.connection, 6",
        "kafka.max.in.flight.requests.per.connection, 6",
        "kafka.partitioner.ignore.keys, true",
        "kafka.partitioner.class, org.example.MyPartitioner"
    })
    void givenUnsafeOverride_thenRefusedNamingKeyAndValue(String key, String value) {
        assertThatThrownBy(() -> config(key, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(key + "=" + value + " is refused")
                .hasMessageContaining("unsafe.producer.settings.allowed=true");
    }

    @ParameterizedTest
    @CsvSource({
        "acks, 1",
        "kafka.acks, 1",
        "enable.idempotence, false",
        "kafka.enable.idempotence, false",
        "max.in.flight.requests.per.connection, 6",
        "kafka.max.in.flight.requests.per.connection, 6"
    })
    void givenUnsafeOverrideAndOptOut_thenAccepted(String key, String value) {
        KafkaAdapterConfig config = config(key, value, "unsafe.producer.settings.allowed", "true");

        assertThat(String.valueOf(config.producerProperties().get(key.replaceFirst("^kafka\\.", ""))))
                .isEqualTo(value);
    }

    @Test
    void givenAcksZero_thenRefusedEvenWithOptOut() {
        assertThatThrownBy(() -> config("acks", "0", "unsafe.producer.settings.allowed", "true"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("acks=0 is refused");
    }

    @Test
    void givenSafeKafkaPrefixedDuplicates_thenAccepted() {
        assertThat(config("kafka.acks", "-1", "kafka.enable.idempotence", "true")
                        .producerProperties())
                .containsEntry("acks", "-1")
                .containsEntry("enable.idempotence", "true");
    }

    @Test
    void givenUnknownKey_thenFailsNamingItButNotItsValue() {
        assertThatThrownBy(() -> config("sasl.jaas.config", "password=\"hunter2\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sasl.jaas.config'")
                .hasMessageContaining("kafka.sasl.jaas.config")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void givenInvalidValue_thenFailsNamingKey() {
        assertThatThrownBy(() -> config("acks", "2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acks");
        assertThatThrownBy(() -> config("headers.style", "xml")).hasMessageContaining("headers.style");
        assertThatThrownBy(() -> config("topics.replication.factor", "0"))
                .hasMessageContaining("topics.replication.factor");
    }

    @Test
    void givenKafkaPrefixedKeys_thenPassedThroughStrippedAndOverridingTypedDefaults() {
        KafkaAdapterConfig config = config(
                "kafka.security.protocol", "SASL_SSL", "kafka.linger.ms", "50", "kafka.max.request.size", "2048");

        assertThat(config.producerProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "50")
                .containsEntry("max.request.size", "2048");
        assertThat(config.adminProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKeys("linger.ms", "max.request.size");
    }

    @Test
    void givenTypedAndPrefixedKeyWithDifferentValues_thenFailsNamingBoth() {
        assertThatThrownBy(() -> config("linger.ms", "5", "kafka.linger.ms", "50"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'linger.ms'")
                .hasMessageContaining("'kafka.linger.ms'");
    }

    @Test
    void givenKafkaPrefixedSerializer_thenRefused() {
        assertThatThrownBy(() -> config("kafka.value.serializer", "org.example.Ser"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.value.serializer");
    }

    @Test
    void givenDeliveryTimeoutBelowLingerPlusRequestTimeout_thenFailsNamingKey() {
        assertThatThrownBy(() -> config("delivery.timeout.ms", "1000", "request.timeout.ms", "2000"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("delivery.timeout.ms=1000 is too small");
    }

    @Test
    void givenMinInsyncAboveReplicationFactor_thenFailsNamingKey() {
        assertThatThrownBy(() -> config("topics.replication.factor", "1", "topics.min.insync.replicas", "2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("topics.min.insync.replicas=2");
    }

    @Test
    void givenSecrets_thenRedactedViewAndToStringHideThem() {
        KafkaAdapterConfig config = config(
                "kafka.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"s3cr3t-jaas\";",
                "kafka.ssl.truststore.password", "s3cr3t-trust",
                "kafka.ssl.key.password", "s3cr3t-key",
                "kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----s3cr3t-pem",
                "kafka.sasl.oauthbearer.token.endpoint.url", "https://idp.example/token",
                "kafka.my.client.secret", "s3cr3t-custom",
                "kafka.security.protocol", "SASL_SSL");

        assertThat(config.toString())
                .doesNotContain("s3cr3t")
                .contains("kafka.security.protocol=SASL_SSL")
                .contains("acks=all");
        assertThat(config.redacted())
                .containsEntry("kafka.sasl.jaas.config", "[hidden]")
                .containsEntry("kafka.ssl.truststore.password", "[hidden]")
                .containsEntry("kafka.ssl.keystore.key", "[hidden]")
                .containsEntry("kafka.my.client.secret", "[hidden]")
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void givenTopicSettings_thenTyped() {
        TopicSettings topics = config(
                        "topics.partitions",
                        "12",
                        "topics.replication.factor",
                        "3",
                        "topics.min.insync.replicas",
                        "2",
                        "topics.raw.retention.ms",
                        "-1")
                .topicSettings();

        assertThat(topics).isEqualTo(new TopicSettings(12, (short) 3, 2, 1_209_600_000L, -1L, 30_000));
        assertThat(config().topicSettings().replicationFactorIfSet()).isEmpty();
        assertThat(config().topicSettings().minInsyncReplicas()).isNull();
        assertThat(config().topicSettings().rawRetentionMs()).isNull();
    }

    @Test
    void givenKafkaPrefixedBootstrapServers_thenItIsTheOneInEffectEverywhere() {
        KafkaAdapterConfig config = config("kafka.bootstrap.servers", "b1:9092,b2:9092");

        assertThat(config.bootstrapServers()).isEqualTo("b1:9092,b2:9092");
        assertThat(config.producerProperties()).containsEntry("bootstrap.servers", "b1:9092,b2:9092");
        assertThat(config.adminProperties()).containsEntry("bootstrap.servers", "b1:9092,b2:9092");
    }

    @Test
    void givenKeys_thenAcceptsDeclaredAndPrefixedOnly() {
        assertThat(KafkaAdapterConfig.accepts("acks")).isTrue();
        assertThat(KafkaAdapterConfig.accepts("kafka.sasl.mechanism")).isTrue();
        assertThat(KafkaAdapterConfig.accepts("kafka.")).isFalse();
        assertThat(KafkaAdapterConfig.accepts("schema.registry.url")).isFalse();
    }
}
