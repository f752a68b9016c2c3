package io.streamlake.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Collects the endpoints that test classes of this JVM were given; shared infrastructure means one. */
final class SharedClusterWitness {

    private static final Set<KafkaEndpoint> SEEN = ConcurrentHashMap.newKeySet();

    private SharedClusterWitness() {}

    static void record(KafkaEndpoint endpoint) {
        SEEN.add(endpoint);
    }

    static Set<KafkaEndpoint> distinctEndpoints() {
        return Set.copyOf(SEEN);
    }
}
