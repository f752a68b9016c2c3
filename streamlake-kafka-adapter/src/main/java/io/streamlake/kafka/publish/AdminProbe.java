package io.streamlake.kafka.publish;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/**
 * The outage breaker's probe: a describe-cluster request on an {@link Admin} with the adapter's connection settings,
 * which completes only when a broker answered with the cluster's nodes (a TCP connection alone does not). The admin
 * client is created on the first probe and closed with this probe.
 */
final class AdminProbe implements OutageBreaker.Probe {

    private final Map<String, Object> adminProperties;
    private final int timeoutMs;
    private Admin admin;
    private boolean closed;

    /** @param timeoutMs how long one probe waits for an answer */
    AdminProbe(Map<String, Object> adminProperties, int timeoutMs) {
        this.adminProperties = Map.copyOf(adminProperties);
        this.timeoutMs = timeoutMs;
    }

    @Override
    public synchronized CompletionStage<?> ask() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("closed"));
        }
        try {
            if (admin == null) {
                admin = Admin.create(adminProperties);
            }
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes()
                    .toCompletionStage()
                    .thenAccept(nodes -> {
                        if (nodes.isEmpty()) {
                            throw new IllegalStateException("the cluster answered without nodes");
                        }
                    });
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Closes the admin client outside this object's monitor: closing completes a pending probe on its thread. */
    @Override
    public void close() {
        Admin open;
        synchronized (this) {
            closed = true;
            open = admin;
            admin = null;
        }
        if (open != null) {
            open.close(Duration.ZERO);
        }
    }
}
