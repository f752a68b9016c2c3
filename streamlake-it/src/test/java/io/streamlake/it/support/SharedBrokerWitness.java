package io.streamlake.it.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Collects the endpoints that test classes of this JVM were given; shared infrastructure means one. */
final class SharedBrokerWitness {

    private static final Set<KafkaEndpoint> SEEN = ConcurrentHashMap.newKeySet();

    private SharedBrokerWitness() {
    }

    static void record(KafkaEndpoint endpoint) {
        SEEN.add(endpoint);
    }

    static Set<KafkaEndpoint> distinctEndpoints() {
        return Set.copyOf(SEEN);
    }
}
