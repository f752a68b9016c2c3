package io.streamlake.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link EmbeddedConnectWorker} is started. Immutable; change it with the {@code with*} methods.
 *
 * @param bootstrapServers the Kafka cluster the worker keeps its configs, offsets and status in, and writes to
 * @param pluginPath       the worker's {@code plugin.path}: a directory whose sub-directories are Connect plugins
 *                         (e.g. the unzipped StreamLake plugin); each is loaded in its own class loader
 * @param port             the REST API's port on {@code 127.0.0.1}, 0 to 65535; 0 → a free one. A fixed port that
 *                         is taken makes {@link EmbeddedConnectWorker#start} fail
 * @param groupId          the worker's {@code group.id}; its internal topics are {@code <groupId>-configs},
 *                         {@code -offsets} and {@code -status}, so a worker of the same group on the same cluster
 *                         finds the connectors and offsets of an earlier one
 * @param startupTimeout   how long to wait until the REST API answers {@code GET /connectors}
 * @param workerProperties extra worker settings, over the defaults {@link EmbeddedConnectWorker} describes
 */
public record EmbeddedConnectConfig(
        String bootstrapServers,
        Path pluginPath,
        int port,
        String groupId,
        Duration startupTimeout,
        Map<String, String> workerProperties) {

    public static final String DEFAULT_GROUP_ID = "streamlake-connect";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    public EmbeddedConnectConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(pluginPath, "pluginPath");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("group id must not be blank");
        }
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startup timeout must be positive, got " + startupTimeout);
        }
        workerProperties = Map.copyOf(Objects.requireNonNull(workerProperties, "workerProperties"));
    }

    /** A worker on a free port, group {@value #DEFAULT_GROUP_ID}, 60 s start-up timeout. */
    public static EmbeddedConnectConfig of(String bootstrapServers, Path pluginPath) {
        return new EmbeddedConnectConfig(
                bootstrapServers, pluginPath, 0, DEFAULT_GROUP_ID, DEFAULT_STARTUP_TIMEOUT, Map.of());
    }

    public EmbeddedConnectConfig withPort(int newPort) {
        return new EmbeddedConnectConfig(
                bootstrapServers, pluginPath, newPort, groupId, startupTimeout, workerProperties);
    }

    public EmbeddedConnectConfig withGroupId(String newGroupId) {
        return new EmbeddedConnectConfig(
                bootstrapServers, pluginPath, port, newGroupId, startupTimeout, workerProperties);
    }

    public EmbeddedConnectConfig withStartupTimeout(Duration timeout) {
        return new EmbeddedConnectConfig(bootstrapServers, pluginPath, port, groupId, timeout, workerProperties);
    }

    /** Adds or replaces one worker setting. */
    public EmbeddedConnectConfig withWorkerProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(workerProperties);
        props.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new EmbeddedConnectConfig(bootstrapServers, pluginPath, port, groupId, startupTimeout, props);
    }
}
