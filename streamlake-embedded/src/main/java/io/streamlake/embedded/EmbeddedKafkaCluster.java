package io.streamlake.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft cluster running inside this JVM (Kafka's own {@code KafkaClusterTestKit}), on
 * free ports of {@code localhost}, with its data under a directory of its own that {@link #close()} deletes.
 *
 * <p>Broker ids are {@code 0 .. brokers-1}. Ports stay the same across {@link #stopBroker}/{@link
 * #restartBroker}, so {@link #bootstrapServers()} stays valid. Methods are thread-safe (synchronized);
 * stopping and restarting block until the broker is down or ready.
 *
 * <p>With {@link EmbeddedKafkaConfig#withClientListener}, every broker also has that listener (e.g. one secured
 * with SASL_SSL), reached through {@link #listenerBootstrapServers(String)}; the PLAINTEXT listener of
 * {@link #bootstrapServers()} stays for inter-broker traffic and administration. A client listener's ports are
 * chosen by the brokers and change when a broker restarts.
 *
 * <p>Failures: {@link #start} and {@link #restartBroker} throw {@link EmbeddedStartupException} when a
 * broker is not ready within {@link EmbeddedKafkaConfig#readinessTimeout()}, naming the brokers that were
 * not; the cluster is torn down by a failed {@code start}.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

    private final KafkaClusterTestKit kit;
    private final EmbeddedKafkaConfig config;
    private final ClusterDirectory directory;
    private final String bootstrapServers;
    private final ListenerPorts listenerPorts;
    private boolean closed;

    private EmbeddedKafkaCluster(KafkaClusterTestKit kit, EmbeddedKafkaConfig config, ClusterDirectory directory) {
        this.kit = kit;
        this.config = config;
        this.directory = directory;
        this.bootstrapServers = kit.bootstrapServers();
        this.listenerPorts = new ListenerPorts(config.clientListeners());
    }

    /**
     * Formats and starts a cluster (a kept {@link EmbeddedKafkaConfig#dataDirectory()} that holds a cluster is
     * started as it is) and waits until every broker is registered, unfenced and has caught up with the metadata.
     *
     * @throws EmbeddedStartupException when the cluster does not start or is not ready in time
     */
    public static EmbeddedKafkaCluster start(EmbeddedKafkaConfig config) {
        long began = System.nanoTime();
        ClusterDirectory directory = createDirectory(config);
        Path dir = directory.path();
        KafkaClusterTestKit kit;
        boolean format;
        try {
            kit = TestKitFactory.build(config, directory);
        } catch (Exception e) {
            directory.release();
            throw new EmbeddedStartupException("could not create an embedded Kafka cluster in " + dir + ": " + e, e);
        }
        try {
            format = directory.needsFormat(kit);
        } catch (RuntimeException e) {
            closeQuietly(kit);
            throw e;
        }
        try {
            Deadlines.run(
                    "embedded Kafka cluster in " + dir + " (brokers " + brokerIds(config.brokers())
                            + " not registered and unfenced)",
                    config.readinessTimeout(),
                    () -> {
                        if (format) {
                            formatQuietly(kit);
                        }
                        kit.startup();
                        kit.waitForReadyBrokers();
                    });
        } catch (RuntimeException e) {
            closeQuietly(kit);
            directory.release();
            throw e;
        }
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(kit, config, directory);
        try {
            kit.brokers().forEach(cluster.listenerPorts::read);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info(
                "Embedded Kafka cluster {} with {} broker(s) ready at {} in {} ms (data in {}, {})",
                kit.nodes().clusterId(),
                config.brokers(),
                cluster.bootstrapServers,
                Duration.ofNanos(System.nanoTime() - began).toMillis(),
                dir,
                format ? "formatted" : "reused");
        return cluster;
    }

    /** {@code host:port} of every broker, comma-separated; unchanged by stopping or restarting brokers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * {@code localhost:port} of every broker's client listener {@code listener}, comma-separated; a stopped
     * broker keeps its last port, a restarted one has a new port.
     *
     * @throws IllegalArgumentException when the cluster has no such listener ({@link EmbeddedKafkaConfig#withClientListener})
     */
    public synchronized String listenerBootstrapServers(String listener) {
        return listenerPorts.bootstrapServers(listener);
    }

    /**
     * {@code localhost:port} of the client listener {@code listener} of each broker that is running.
     *
     * @throws IllegalArgumentException when the cluster has no such listener
     */
    public synchronized List<String> runningListenerAddresses(String listener) {
        return listenerPorts.runningAddresses(listener, kit.brokers());
    }

    public int brokerCount() {
        return config.brokers();
    }

    /** The configuration this cluster was started with. */
    public EmbeddedKafkaConfig config() {
        return config;
    }

    /** Whether broker {@code id} is running (not stopped by {@link #stopBroker}). */
    public synchronized boolean isRunning(int id) {
        return !broker(id).isShutdown();
    }

    /**
     * Shuts broker {@code id} down (controlled shutdown: leadership moves away first). Its data stays, so
     * {@link #restartBroker} brings it back with its partitions. A no-op when already stopped.
     */
    public synchronized void stopBroker(int id) {
        BrokerServer broker = broker(id);
        if (!broker.isShutdown()) {
            broker.shutdown();
            LOG.info("Embedded Kafka broker {} stopped", id);
        }
    }

    /**
     * Starts broker {@code id} again (stopping it first when running) on the same port, and waits until the
     * cluster lists it as a live broker.
     *
     * @throws EmbeddedStartupException when it is not live within the readiness timeout
     */
    public synchronized void restartBroker(int id) {
        BrokerServer broker = broker(id);
        stopBroker(id);
        long began = System.nanoTime();
        Deadlines.run(
                "embedded Kafka broker " + id + " of " + bootstrapServers + " (not listed as a live broker)",
                config.readinessTimeout(),
                () -> {
                    broker.startup();
                    awaitLive(id);
                });
        listenerPorts.read(id, broker);
        LOG.info(
                "Embedded Kafka broker {} restarted in {} ms",
                id,
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    private void awaitLive(int id) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                Set<Integer> live = admin.describeCluster().nodes().get().stream()
                        .map(Node::id)
                        .collect(Collectors.toSet());
                if (live.contains(id)) {
                    return;
                }
                Thread.sleep(100);
            }
        }
    }

    private BrokerServer broker(int id) {
        if (closed) {
            throw new IllegalStateException("embedded Kafka cluster at " + bootstrapServers + " is closed");
        }
        BrokerServer broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException(
                    "no broker " + id + "; broker ids are " + kit.brokers().keySet());
        }
        return broker;
    }

    /** The cluster id; the same on every start from one kept data directory. */
    public String clusterId() {
        return kit.nodes().clusterId();
    }

    /** Stops every node and deletes the cluster's directory, unless it is a kept data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long began = System.nanoTime();
        closeQuietly(kit);
        directory.release();
        LOG.info(
                "Embedded Kafka cluster at {} closed in {} ms",
                bootstrapServers,
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster[" + bootstrapServers + ", brokers=" + config.brokers() + ", dir="
                + directory.path()
                + (config.clientListeners().isEmpty() ? "" : ", listeners=" + config.clientListeners()) + "]";
    }

    private static ClusterDirectory createDirectory(EmbeddedKafkaConfig config) {
        try {
            return ClusterDirectory.create(config);
        } catch (IOException e) {
            throw new EmbeddedStartupException(
                    "could not prepare a directory for an embedded Kafka cluster ("
                            + config.dataDirectory().orElse(config.baseDirectory()) + "): " + e,
                    e);
        }
    }

    private static Set<Integer> brokerIds(int brokers) {
        Set<Integer> ids = new TreeSet<>();
        for (int i = 0; i < brokers; i++) {
            ids.add(i);
        }
        return ids;
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        try {
            kit.close();
        } catch (Exception e) {
            LOG.warn("Error while closing an embedded Kafka cluster", e);
        }
    }

    /**
     * Kafka's storage formatter prints its bootstrap metadata to {@link System#out} itself; that would land in the
     * output of {@code streamlake demo}, {@code bench} and any embedding program. It goes to the log instead.
     */
    private static void formatQuietly(KafkaClusterTestKit kit) throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        synchronized (System.class) {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                kit.format();
            } finally {
                System.setOut(original);
            }
        }
        LOG.debug(
                "Kafka storage formatter: {}",
                printed.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
    }
}
