package io.streamlake.embedded;

import org.apache.kafka.common.network.ListenerName;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Broker configuration for the SASL_SSL (SCRAM-SHA-512) client listener next to the test kit's PLAINTEXT
 * broker listener and its controller listener. Inter-broker and controller traffic stay on PLAINTEXT.
 *
 * <p>The secured listener binds port 0 (a free port chosen by the broker), so it never races with another
 * process for a port; the price is a new port after a broker restart.
 */
final class SecureListener {

    static final String BROKER_LISTENER = "EXTERNAL";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String PREFIX = "listener.name." + SaslSslSettings.LISTENER_NAME.toLowerCase(Locale.ROOT) + ".";

    private SecureListener() {
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
