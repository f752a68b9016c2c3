package io.streamlake.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link EmbeddedKafkaCluster} is started. Immutable; change it with the {@code with*} methods.
 *
 * @param brokers          number of brokers, 1 to 9. One broker runs in combined mode (broker and KRaft
 *                         controller in one node); more brokers get one dedicated controller, so any broker
 *                         can be stopped without touching the quorum
 * @param baseDirectory    parent directory; each cluster creates and, on close, deletes its own
 *                         {@code kafka-*} directory inside it
 * @param brokerProperties broker properties applied after StreamLake's defaults (they win), e.g. extra
 *                         listeners or a different {@code auto.create.topics.enable}
 * @param readinessTimeout how long {@link EmbeddedKafkaCluster#start} and
 *                         {@link EmbeddedKafkaCluster#restartBroker} wait for brokers to be ready
 * @param saslSsl          when present, every broker gets a second client listener
 *                         ({@value SaslSslSettings#LISTENER_NAME}) secured with SASL_SSL and SCRAM-SHA-512;
 *                         the PLAINTEXT listener stays (inter-broker traffic, admin bootstrap)
 */
public record EmbeddedKafkaConfig(
        int brokers,
        Path baseDirectory,
        Map<String, String> brokerProperties,
        Duration readinessTimeout,
        Optional<SaslSslSettings> saslSsl) {

    public static final int MAX_BROKERS = 9;
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(60);

    public EmbeddedKafkaConfig {
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException("brokers must be between 1 and " + MAX_BROKERS + ", got " + brokers);
        }
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(readinessTimeout, "readinessTimeout");
        if (readinessTimeout.isNegative() || readinessTimeout.isZero()) {
            throw new IllegalArgumentException("readiness timeout must be positive, got " + readinessTimeout);
        }
        brokerProperties = Map.copyOf(Objects.requireNonNull(brokerProperties, "brokerProperties"));
        Objects.requireNonNull(saslSsl, "saslSsl");
    }

    /** A configuration without a SASL_SSL listener. */
    public EmbeddedKafkaConfig(int brokers, Path baseDirectory, Map<String, String> brokerProperties,
                               Duration readinessTimeout) {
        this(brokers, baseDirectory, brokerProperties, readinessTimeout, Optional.empty());
    }

    /** One broker under {@code java.io.tmpdir}, no extra properties, 60 s readiness timeout. */
    public static EmbeddedKafkaConfig defaults() {
        return new EmbeddedKafkaConfig(1, Path.of(System.getProperty("java.io.tmpdir")), Map.of(),
                DEFAULT_READINESS_TIMEOUT);
    }

    public EmbeddedKafkaConfig withBrokers(int n) {
        return new EmbeddedKafkaConfig(n, baseDirectory, brokerProperties, readinessTimeout, saslSsl);
    }

    public EmbeddedKafkaConfig withBaseDirectory(Path dir) {
        return new EmbeddedKafkaConfig(brokers, dir, brokerProperties, readinessTimeout, saslSsl);
    }

    /** Adds or replaces one broker property. */
    public EmbeddedKafkaConfig withBrokerProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(brokerProperties);
        props.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new EmbeddedKafkaConfig(brokers, baseDirectory, props, readinessTimeout, saslSsl);
    }

    /** Adds or replaces several broker properties. */
    public EmbeddedKafkaConfig withBrokerProperties(Map<String, String> more) {
        Map<String, String> props = new LinkedHashMap<>(brokerProperties);
        props.putAll(more);
        return new EmbeddedKafkaConfig(brokers, baseDirectory, props, readinessTimeout, saslSsl);
    }

    public EmbeddedKafkaConfig withReadinessTimeout(Duration timeout) {
        return new EmbeddedKafkaConfig(brokers, baseDirectory, brokerProperties, timeout, saslSsl);
    }

    /**
     * Adds a SASL_SSL (SCRAM-SHA-512) client listener to every broker; see
     * {@link EmbeddedKafkaCluster#secureBootstrapServers()} and {@link EmbeddedKafkaCluster#createScramUser}.
     */
    public EmbeddedKafkaConfig withSaslSsl(SaslSslSettings settings) {
        return new EmbeddedKafkaConfig(brokers, baseDirectory, brokerProperties, readinessTimeout,
                Optional.of(Objects.requireNonNull(settings, "settings")));
    }
}
