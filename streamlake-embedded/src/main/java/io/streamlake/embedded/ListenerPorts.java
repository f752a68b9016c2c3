package io.streamlake.embedded;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;

/**
 * The ports the brokers bound for their {@link ClientListener}s, and the broker configuration those listeners
 * need next to the test kit's PLAINTEXT broker listener and its controller listener.
 *
 * <p>A client listener with port 0 binds a free port chosen by the broker, so it never races with another process
 * for a port; the price is a new port after a broker restart, which {@link #read} picks up. A listener with a
 * fixed port binds that port. Callers synchronize.
 */
final class ListenerPorts {

    /** Listener name → broker id → bound port. */
    private final Map<String, Map<Integer, Integer>> ports = new HashMap<>();

    ListenerPorts(List<ClientListener> listeners) {
        listeners.forEach(l -> ports.put(l.name(), new TreeMap<>()));
    }

    /** Reads the ports broker {@code brokerId} bound for every client listener (after a start or restart). */
    void read(int brokerId, BrokerServer broker) {
        ports.forEach((name, byBroker) -> {
            int port = broker.boundPort(ListenerName.normalised(name));
            if (port <= 0) {
                throw new EmbeddedStartupException(
                        "embedded Kafka broker " + brokerId + " has no bound " + name + " listener");
            }
            byBroker.put(brokerId, port);
        });
    }

    /** {@code localhost:port} of every broker for {@code listener}, comma-separated. */
    String bootstrapServers(String listener) {
        return String.join(
                ",",
                byBroker(listener).values().stream()
                        .map(port -> "localhost:" + port)
                        .toList());
    }

    /** {@code localhost:port} of the brokers that are not shut down. */
    List<String> runningAddresses(String listener, Map<Integer, BrokerServer> brokers) {
        return byBroker(listener).entrySet().stream()
                .filter(e -> !brokers.get(e.getKey()).isShutdown())
                .map(e -> "localhost:" + e.getValue())
                .toList();
    }

    private Map<Integer, Integer> byBroker(String listener) {
        Map<Integer, Integer> byBroker = ports.get(listener);
        if (byBroker == null) {
            throw new IllegalArgumentException("no client listener " + listener + "; the cluster has " + ports.keySet()
                    + " (EmbeddedKafkaConfig.withClientListener)");
        }
        return byBroker;
    }

    /** {@code listener.security.protocol.map} with the kit's listeners and the client listeners. */
    static Map<String, String> brokerProperties(List<ClientListener> listeners) {
        StringBuilder map = new StringBuilder(
                ClientListener.BROKER_LISTENER + ":PLAINTEXT," + ClientListener.CONTROLLER_LISTENER + ":PLAINTEXT");
        listeners.forEach(l -> map.append(',').append(l.name()).append(':').append(l.protocol().name));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.security.protocol.map", map.toString());
        return p;
    }

    /** {@code listeners} of a broker node: the kit's ones plus the client listeners. */
    static String listeners(boolean combined, List<ClientListener> listeners) {
        StringBuilder all = new StringBuilder(ClientListener.BROKER_LISTENER + "://localhost:0");
        if (combined) {
            all.append(',').append(ClientListener.CONTROLLER_LISTENER).append("://localhost:0");
        }
        listeners.forEach(
                l -> all.append(',').append(l.name()).append("://localhost:").append(l.port()));
        return all.toString();
    }
}
