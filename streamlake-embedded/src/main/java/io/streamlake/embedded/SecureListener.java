package io.streamlake.embedded;

import kafka.server.BrokerServer;

import org.apache.kafka.common.network.ListenerName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Broker configuration for the SASL_SSL (SCRAM-SHA-512) client listener next to the test kit's PLAINTEXT
 * broker listener and its controller listener. Inter-broker and controller traffic stay on PLAINTEXT.
 *
 * <p>The secured listener binds port 0 (a free port chosen by the broker), so it never races with another
 * process for a port; the price is a new port after a broker restart. An instance tracks the ports; callers
 * synchronize.
 */
final class SecureListener {

    static final String BROKER_LISTENER = "EXTERNAL";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String PREFIX = "listener.name." + SaslSslSettings.LISTENER_NAME.toLowerCase(Locale.ROOT) + ".";

    private final SaslSslSettings settings;
    /** Broker id → bound port, re-read after a restart. */
    private final Map<Integer, Integer> ports = new TreeMap<>();

    SecureListener(SaslSslSettings settings) {
        this.settings = settings;
    }

    SaslSslSettings settings() {
        return settings;
    }

    void readPort(int brokerId, BrokerServer broker) {
        int port = broker.boundPort(listenerName());
        if (port <= 0) {
            throw new EmbeddedStartupException("embedded Kafka broker " + brokerId + " has no bound "
                    + SaslSslSettings.LISTENER_NAME + " listener");
        }
        ports.put(brokerId, port);
    }

    String bootstrapServers() {
        return String.join(",", ports.values().stream().map(port -> "localhost:" + port).toList());
    }

    /** {@code localhost:port} of the brokers that are not shut down. */
    List<String> runningAddresses(Map<Integer, BrokerServer> brokers) {
        return ports.entrySet().stream().filter(e -> !brokers.get(e.getKey()).isShutdown())
                .map(e -> "localhost:" + e.getValue()).toList();
    }

    /** Properties shared by every node (a controller ignores the listener it does not have). */
    static Map<String, String> brokerProperties(SaslSslSettings settings) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER
                + ":PLAINTEXT," + SaslSslSettings.LISTENER_NAME + ":SASL_SSL");
        p.put(PREFIX + "sasl.enabled.mechanisms", SaslSslSettings.MECHANISM);
        p.put(PREFIX + SaslSslSettings.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(PREFIX + "ssl.keystore.type", TlsMaterial.STORE_TYPE);
        p.put(PREFIX + "ssl.keystore.location", settings.tls().keyStore().toAbsolutePath().toString());
        p.put(PREFIX + "ssl.keystore.password", settings.tls().keyStorePassword());
        p.put(PREFIX + "ssl.key.password", settings.tls().keyStorePassword());
        p.put(PREFIX + "ssl.client.auth", "none");
        return p;
    }

    /** {@code listeners} of a broker node: the kit's ones plus the secured one. */
    static String listeners(boolean combined) {
        String base = BROKER_LISTENER + "://localhost:0,";
        String controller = combined ? CONTROLLER_LISTENER + "://localhost:0," : "";
        return base + controller + SaslSslSettings.LISTENER_NAME + "://localhost:0";
    }

    static ListenerName listenerName() {
        return ListenerName.normalised(SaslSslSettings.LISTENER_NAME);
    }
}
