package io.streamlake.it.support;

import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.SharedResource;
import io.streamlake.test.secure.SaslSslKafkaCluster;
import io.streamlake.test.secure.SaslSslSettings;
import io.streamlake.test.secure.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster whose client listener requires SASL_SSL with SCRAM-SHA-512, shared by the security tests of
 * a JVM: its bootstrap servers, one ready user ({@link #username()}/{@link #password()}), the trust store, and
 * client properties for any user. Always the testkit's {@link SaslSslKafkaCluster} (an embedded broker separate
 * from the plain shared one), with a self-signed certificate for {@code localhost}.
 *
 * <p>Thread-safe. {@link #toString()} shows no secret; the maps of {@link #clientProperties} hold passwords, so
 * do not log them.
 */
public final class SecureKafkaEndpoint {

    static final String USER = "streamlake-it";
    private static final Logger LOG = LoggerFactory.getLogger(SecureKafkaEndpoint.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SaslSslKafkaCluster cluster;
    private final String username;
    private final String password;

    SecureKafkaEndpoint(SaslSslKafkaCluster cluster, String username, String password) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** Starts one embedded broker with new TLS material and one SCRAM user, data under {@code workDir}. */
    static SharedResource<SecureKafkaEndpoint> start(Path workDir) {
        long began = System.nanoTime();
        String password = randomSecret();
        SaslSslSettings settings;
        try {
            Files.createDirectories(workDir.resolve("tls"));
            settings = SaslSslSettings.withGeneratedTls(
                    Files.createTempDirectory(workDir.resolve("tls"), "kafka-"), Map.of(USER, password));
        } catch (IOException e) {
            throw new UncheckedIOException("could not generate TLS material for the SASL_SSL test cluster", e);
        }
        SaslSslKafkaCluster cluster = SaslSslKafkaCluster.start(
                EmbeddedKafkaConfig.defaults().withBaseDirectory(workDir.resolve("kafka")), settings);
        SecureKafkaEndpoint endpoint = new SecureKafkaEndpoint(cluster, USER, password);
        LOG.info("Using {} (started in {} ms)", endpoint, (System.nanoTime() - began) / 1_000_000);
        return new SharedResource<>(endpoint, endpoint.toString(), cluster);
    }

    static String randomSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code localhost:port} of the SASL_SSL listener. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
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
        return cluster.clientProperties(user, userPassword);
    }

    /** The PKCS12 trust store with the broker's certificate. */
    public Path trustStoreLocation() {
        return cluster.settings().tls().trustStore();
    }

    public String trustStorePassword() {
        return cluster.settings().tls().trustStorePassword();
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
        return KafkaEndpoint.of(
                cluster.plaintextBootstrapServers(),
                "PLAINTEXT listener of the SASL_SSL test cluster at " + cluster.plaintextBootstrapServers());
    }

    @Override
    public String toString() {
        return "SecureKafkaEndpoint[SASL_SSL/" + SaslSslSettings.MECHANISM + " at " + bootstrapServers() + ", user "
                + username + "]";
    }
}
