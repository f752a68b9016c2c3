package io.streamlake.embedded;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * An extra client listener on every broker of an {@link EmbeddedKafkaCluster}, next to the PLAINTEXT listener
 * of {@link EmbeddedKafkaCluster#bootstrapServers()} (which keeps inter-broker traffic and administration). It
 * binds {@code port} of {@code localhost}, or with port 0 a free port chosen by the broker; see
 * {@link EmbeddedKafkaCluster#listenerBootstrapServers(String)}.
 *
 * <p>The listener's own settings (key stores, SASL mechanisms, JAAS) are broker properties prefixed with
 * {@code listener.name.<name in lower case>.}, given through {@link EmbeddedKafkaConfig#withBrokerProperties}.
 *
 * @param name     the listener's name, upper-case letters, digits and {@code _}; not {@value #BROKER_LISTENER}
 *                 or {@value #CONTROLLER_LISTENER}, which the cluster uses itself
 * @param protocol its security protocol, e.g. {@link SecurityProtocol#SASL_SSL}
 * @param port     the port to bind, 0 to 65535; 0 lets the broker choose a free one (a new one after each
 *                 broker restart). A fixed port needs a single broker, and start-up fails when it is taken
 */
public record ClientListener(String name, SecurityProtocol protocol, int port) {

    /** The PLAINTEXT listener brokers talk to each other on, the one of {@code bootstrapServers()}. */
    public static final String BROKER_LISTENER = "EXTERNAL";
    /** The KRaft controller's PLAINTEXT listener. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    public ClientListener {
        Objects.requireNonNull(protocol, "protocol");
        if (name == null || !name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("listener name must be upper-case letters, digits and '_', got " + name);
        }
        if (Set.of(BROKER_LISTENER, CONTROLLER_LISTENER).contains(name)) {
            throw new IllegalArgumentException("listener name " + name + " is taken by the cluster itself");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listener port must be between 0 and 65535, got " + port);
        }
    }

    /** A listener on a free port chosen by the broker. */
    public ClientListener(String name, SecurityProtocol protocol) {
        this(name, protocol, 0);
    }

    /** The prefix of this listener's own broker properties, {@code listener.name.<name in lower case>.}. */
    public String propertyPrefix() {
        return "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
    }
}
