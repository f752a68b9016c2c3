package io.streamlake.test.secure;

import io.streamlake.embedded.ClientListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * A client listener secured with SASL_SSL and SCRAM-SHA-512 on every broker of a {@link SaslSslKafkaCluster}:
 * the server's key store, the trust store handed to clients, and the SCRAM users created when the cluster
 * starts.
 *
 * <p>{@link #toString()} names the stores and the users, never a password.
 *
 * @param tls          the broker's key store and the clients' trust store
 * @param initialUsers user name → password, created (SCRAM-SHA-512, {@value #SCRAM_ITERATIONS} iterations)
 *                     before {@link SaslSslKafkaCluster#start} returns; may be empty
 */
public record SaslSslSettings(TlsMaterial tls, Map<String, String> initialUsers) {

    /** Name of the secured listener in the brokers' {@code listeners}. */
    public static final String LISTENER_NAME = "SECURE";

    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Kafka's minimum for SCRAM; keeps authentication cheap on a small machine. */
    public static final int SCRAM_ITERATIONS = 4096;

    public SaslSslSettings {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(initialUsers, "initialUsers");
        initialUsers.forEach(SaslSslSettings::checkUser);
        initialUsers = Map.copyOf(initialUsers);
    }

    /** The listener every broker gets, {@value #LISTENER_NAME} with {@code SASL_SSL}. */
    public static ClientListener listener() {
        return new ClientListener(LISTENER_NAME, SecurityProtocol.SASL_SSL);
    }

    /**
     * The broker properties of the listener: only {@value #MECHANISM} enabled, the broker's key store, no
     * client certificates. They hold the key store password.
     */
    public Map<String, String> brokerProperties() {
        String prefix = listener().propertyPrefix();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "sasl.enabled.mechanisms", MECHANISM);
        p.put(
                prefix + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix + "ssl.keystore.type", TlsMaterial.STORE_TYPE);
        p.put(prefix + "ssl.keystore.location", tls.keyStore().toAbsolutePath().toString());
        p.put(prefix + "ssl.keystore.password", tls.keyStorePassword());
        p.put(prefix + "ssl.key.password", tls.keyStorePassword());
        p.put(prefix + "ssl.client.auth", "none");
        return p;
    }

    /** Settings with new self-signed TLS material in {@code directory} (see {@link SelfSignedTls}). */
    public static SaslSslSettings withGeneratedTls(Path directory, Map<String, String> initialUsers)
            throws IOException {
        return new SaslSslSettings(SelfSignedTls.generate(directory), initialUsers);
    }

    /** Adds or replaces one initial user. */
    public SaslSslSettings withUser(String user, String password) {
        checkUser(user, password);
        Map<String, String> users = new LinkedHashMap<>(initialUsers);
        users.put(user, password);
        return new SaslSslSettings(tls, users);
    }

    /**
     * Properties a kafka-clients producer, consumer or admin needs to reach {@code bootstrapServers} over this
     * listener as {@code user}: {@code bootstrap.servers}, {@code security.protocol=SASL_SSL},
     * {@code sasl.mechanism=SCRAM-SHA-512}, {@code sasl.jaas.config} and the trust store. The map holds the
     * password (in {@code sasl.jaas.config}) and the trust store password: do not log it.
     */
    public Map<String, Object> clientProperties(String bootstrapServers, String user, String password) {
        checkUser(user, password);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", jaasConfig(user, password));
        props.put("ssl.truststore.location", tls.trustStore().toString());
        props.put("ssl.truststore.password", tls.trustStorePassword());
        props.put("ssl.truststore.type", TlsMaterial.STORE_TYPE);
        return props;
    }

    /** {@code ScramLoginModule required username="…" password="…";} with quotes and backslashes escaped. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quote(user)
                + "\" password=\"" + quote(password) + "\";";
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static void checkUser(String user, String password) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("SCRAM user name must not be blank");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password of SCRAM user " + user + " must not be empty");
        }
    }

    @Override
    public String toString() {
        return "SaslSslSettings[listener=" + LISTENER_NAME + ", mechanism=" + MECHANISM + ", " + tls + ", users="
                + initialUsers.keySet() + "]";
    }
}
