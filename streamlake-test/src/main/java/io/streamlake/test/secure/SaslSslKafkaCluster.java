package io.streamlake.test.secure;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.embedded.EmbeddedStartupException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EmbeddedKafkaCluster} whose brokers also have a client listener secured with SASL_SSL and
 * SCRAM-SHA-512 ({@link SaslSslSettings#LISTENER_NAME}), for tests of authentication and TLS. The PLAINTEXT
 * listener of {@link #plaintextBootstrapServers()} stays for inter-broker traffic and for setting up (creating
 * topics and SCRAM users). The secured ports are chosen by the brokers and change when a broker restarts
 * ({@link #embedded()} stops and restarts brokers).
 *
 * <p>Thread-safe. {@link #toString()} shows no secret; the maps of {@link #clientProperties} hold passwords.
 */
public final class SaslSslKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SaslSslKafkaCluster.class);

    private final EmbeddedKafkaCluster cluster;
    private final SaslSslSettings settings;

    private SaslSslKafkaCluster(EmbeddedKafkaCluster cluster, SaslSslSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
    }

    /**
     * Starts a cluster from {@code config} plus the secured listener, then creates {@code settings}' initial
     * SCRAM users and waits until every broker authenticates them.
     *
     * @throws EmbeddedStartupException when the cluster does not start, or the users are not accepted within the
     *                                  readiness timeout (the cluster is then closed)
     */
    public static SaslSslKafkaCluster start(EmbeddedKafkaConfig config, SaslSslSettings settings) {
        Objects.requireNonNull(settings, "settings");
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(config.withClientListener(SaslSslSettings.listener())
                .withBrokerProperties(settings.brokerProperties()));
        SaslSslKafkaCluster secure = new SaslSslKafkaCluster(cluster, settings);
        try {
            secure.createUsers(settings.initialUsers());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("SASL_SSL listener ready at {}", secure.bootstrapServers());
        return secure;
    }

    /** {@code localhost:port} of every broker's SASL_SSL listener, comma-separated. */
    public String bootstrapServers() {
        return cluster.listenerBootstrapServers(SaslSslSettings.LISTENER_NAME);
    }

    /** The unauthenticated PLAINTEXT listener, for setting up and reading back. */
    public String plaintextBootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Client properties for the SASL_SSL listener as {@code user} (see {@link SaslSslSettings#clientProperties});
     * they contain the password: do not log them. The user need not exist (to test a failing login).
     */
    public Map<String, Object> clientProperties(String user, String password) {
        return settings.clientProperties(bootstrapServers(), user, password);
    }

    /**
     * Creates a SCRAM-SHA-512 user, or changes its password, through the Admin API on the PLAINTEXT listener,
     * and returns once every running broker authenticates it on the SASL_SSL listener.
     *
     * @throws EmbeddedStartupException when the brokers do not accept the user within the readiness timeout
     */
    public void createScramUser(String user, String password) {
        SaslSslSettings.checkUser(user, password);
        createUsers(Map.of(user, password));
    }

    private void createUsers(Map<String, String> users) {
        ScramUsers.create(
                cluster.bootstrapServers(),
                settings,
                cluster.runningListenerAddresses(SaslSslSettings.LISTENER_NAME),
                users,
                cluster.config().readinessTimeout());
    }

    /** The listener's TLS material and initial users. */
    public SaslSslSettings settings() {
        return settings;
    }

    /** The cluster underneath, e.g. to stop and restart brokers. */
    public EmbeddedKafkaCluster embedded() {
        return cluster;
    }

    /** Stops every node and deletes the cluster's directory. Idempotent. */
    @Override
    public void close() {
        cluster.close();
    }

    @Override
    public String toString() {
        return "SaslSslKafkaCluster[" + SaslSslSettings.MECHANISM + " at " + bootstrapServers() + ", " + cluster + "]";
    }
}
