package io.streamlake.it.support;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.SaslSslSettings;
import io.streamlake.embedded.TlsMaterial;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka cluster whose client listener requires SASL_SSL with SCRAM-SHA-512, shared by the security tests of
 * a JVM: its bootstrap servers, one ready user ({@link #username()}/{@link #password()}), the trust store, and
 * client properties for any user. Always an embedded broker (separate from the plain shared one), with a
 * self-signed certificate for {@code localhost}.
 *
 * <p>Thread-safe. {@link #toString()} shows no secret; the maps of {@link #clientProperties} hold passwords, so
 * do not log them.
 */
public final class SecureKafkaEndpoint {

    private final EmbeddedKafkaCluster cluster;
    private final SaslSslSettings settings;
    private final String username;
    private final String password;

    SecureKafkaEndpoint(EmbeddedKafkaCluster cluster, String username, String password) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.settings = cluster.config().saslSsl().orElseThrow(
                () -> new IllegalArgumentException("cluster has no SASL_SSL listener"));
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** {@code localhost:port} of the SASL_SSL listener. */
    public String bootstrapServers() {
        return cluster.secureBootstrapServers();
    }

    /** A SCRAM-SHA-512 user that exists when the endpoint is handed out. */
    public String username() {
        return username;
    }

    /** {@link #username()}'s password (random per JVM). */
    public String password() {
        return password;
    }

    /** Client properties for {@link #username()}: bootstrap, {@code security.protocol}, SASL and trust store. */
    public Map<String, Object> clientProperties() {
        return clientProperties(username, password);
    }

    /** Client properties for any user and password, existing or not (to test a failing login). */
    public Map<String, Object> clientProperties(String user, String userPassword) {
        return cluster.secureClientProperties(user, userPassword);
    }

    /** The PKCS12 trust store with the broker's certificate. */
    public Path trustStoreLocation() {
        return settings.tls().trustStore();
    }

    public String trustStorePassword() {
        return settings.tls().trustStorePassword();
    }

    /** Always {@code PKCS12}. */
    public String trustStoreType() {
        return TlsMaterial.STORE_TYPE;
    }

    /** Creates a SCRAM-SHA-512 user (or changes its password); returns once the broker accepts it. */
    public void createUser(String user, String userPassword) {
        cluster.createScramUser(user, userPassword);
    }

    /**
     * The same cluster through its unauthenticated PLAINTEXT listener, for setting up (creating topics) and
     * reading back; {@code plaintext().consumeAll(topic, n, timeout, clientProperties())} reads over SASL_SSL.
     */
    public KafkaEndpoint plaintext() {
        return KafkaEndpoint.of(cluster.bootstrapServers(), "PLAINTEXT listener of the SASL_SSL test cluster at "
                + cluster.bootstrapServers());
    }

    @Override
    public String toString() {
        return "SecureKafkaEndpoint[SASL_SSL/" + SaslSslSettings.MECHANISM + " at " + bootstrapServers() + ", user "
                + username + "]";
    }
}
