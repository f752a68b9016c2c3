package io.streamlake.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 *                         {@code kafka-*} directory inside it (unless {@code dataDirectory} is given)
 * @param brokerProperties broker properties applied after StreamLake's defaults (they win), e.g. extra
 *                         listeners or a different {@code auto.create.topics.enable}
 * @param readinessTimeout how long {@link EmbeddedKafkaCluster#start} and
 *                         {@link EmbeddedKafkaCluster#restartBroker} wait for brokers to be ready
 * @param clientListeners  extra client listeners every broker gets (e.g. one secured with SASL_SSL), with
 *                         distinct names; the PLAINTEXT listener stays (inter-broker traffic, admin bootstrap)
 * @param dataDirectory    a directory the cluster keeps across starts: an empty or missing one is formatted,
 *                         one an earlier cluster of the same number of brokers left is reused (its cluster id,
 *                         topics and records), and {@link EmbeddedKafkaCluster#close()} leaves it in place;
 *                         empty → a new {@code kafka-*} directory under {@code baseDirectory}, deleted on close
 */
public record EmbeddedKafkaConfig(
        int brokers,
        Path baseDirectory,
        Map<String, String> brokerProperties,
        Duration readinessTimeout,
        List<ClientListener> clientListeners,
        Optional<Path> dataDirectory) {

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
        clientListeners = List.copyOf(Objects.requireNonNull(clientListeners, "clientListeners"));
        if (clientListeners.stream().map(ClientListener::name).distinct().count() != clientListeners.size()) {
            throw new IllegalArgumentException("client listener names must be distinct, got " + clientListeners);
        }
        if (brokers > 1 && clientListeners.stream().anyMatch(l -> l.port() != 0)) {
            throw new IllegalArgumentException(
                    "a client listener with a fixed port needs a single broker, got " + brokers + " brokers");
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /** A configuration without a kept data directory. */
    public EmbeddedKafkaConfig(
            int brokers,
            Path baseDirectory,
            Map<String, String> brokerProperties,
            Duration readinessTimeout,
            List<ClientListener> clientListeners) {
        this(brokers, baseDirectory, brokerProperties, readinessTimeout, clientListeners, Optional.empty());
    }

    /** A configuration without client listeners. */
    public EmbeddedKafkaConfig(
            int brokers, Path baseDirectory, Map<String, String> brokerProperties, Duration readinessTimeout) {
        this(brokers, baseDirectory, brokerProperties, readinessTimeout, List.of());
    }

    /** One broker under {@code java.io.tmpdir}, no extra properties, 60 s readiness timeout. */
    public static EmbeddedKafkaConfig defaults() {
        return new EmbeddedKafkaConfig(
                1, Path.of(System.getProperty("java.io.tmpdir")), Map.of(), DEFAULT_READINESS_TIMEOUT);
    }

    public EmbeddedKafkaConfig withBrokers(int n) {
        return new EmbeddedKafkaConfig(
                n, baseDirectory, brokerProperties, readinessTimeout, clientListeners, dataDirectory);
    }

    public EmbeddedKafkaConfig withBaseDirectory(Path dir) {
        return new EmbeddedKafkaConfig(
                brokers, dir, brokerProperties, readinessTimeout, clientListeners, dataDirectory);
    }

    /** Adds or replaces one broker property. */
    public EmbeddedKafkaConfig withBrokerProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(brokerProperties);
        props.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new EmbeddedKafkaConfig(brokers, baseDirectory, props, readinessTimeout, clientListeners, dataDirectory);
    }

    /** Adds or replaces several broker properties. */
    public EmbeddedKafkaConfig withBrokerProperties(Map<String, String> more) {
        Map<String, String> props = new LinkedHashMap<>(brokerProperties);
        props.putAll(more);
        return new EmbeddedKafkaConfig(brokers, baseDirectory, props, readinessTimeout, clientListeners, dataDirectory);
    }

    public EmbeddedKafkaConfig withReadinessTimeout(Duration timeout) {
        return new EmbeddedKafkaConfig(
                brokers, baseDirectory, brokerProperties, timeout, clientListeners, dataDirectory);
    }

    /**
     * Adds a client listener to every broker; its own settings go in as broker properties prefixed with
     * {@link ClientListener#propertyPrefix()}. See {@link EmbeddedKafkaCluster#listenerBootstrapServers(String)}.
     */
    public EmbeddedKafkaConfig withClientListener(ClientListener listener) {
        List<ClientListener> listeners = new ArrayList<>(clientListeners);
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return new EmbeddedKafkaConfig(
                brokers, baseDirectory, brokerProperties, readinessTimeout, listeners, dataDirectory);
    }

    /** Keeps the cluster's data in {@code dir} across starts; see {@link #dataDirectory()}. */
    public EmbeddedKafkaConfig withDataDirectory(Path dir) {
        return new EmbeddedKafkaConfig(
                brokers, baseDirectory, brokerProperties, readinessTimeout, clientListeners, Optional.of(dir));
    }

    /** The configuration with the values of password and JAAS broker properties hidden. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        brokerProperties.forEach((key, value) -> shown.put(key, isSecret(key) ? "(hidden)" : value));
        return "EmbeddedKafkaConfig[brokers=" + brokers + ", baseDirectory=" + baseDirectory + ", brokerProperties="
                + shown + ", readinessTimeout=" + readinessTimeout + ", clientListeners=" + clientListeners
                + dataDirectory.map(d -> ", dataDirectory=" + d).orElse("") + "]";
    }

    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("password") || lower.endsWith("jaas.config");
    }
}
