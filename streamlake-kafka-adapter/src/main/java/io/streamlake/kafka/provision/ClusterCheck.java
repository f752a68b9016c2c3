package io.streamlake.kafka.provision;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The start-up connectivity check: a short-lived {@link Admin} on the same connection settings must get the
 * cluster's nodes within {@code connect.check.timeout.ms}, so an unreachable cluster fails in seconds.
 */
public final class ClusterCheck {

    private ClusterCheck() {}

    /**
     * @throws RetriableStreamLakeException the cluster did not answer in time
     * @throws FatalStreamLakeException     authentication or authorization refused, or the settings cannot work
     */
    public static void verify(KafkaAdapterConfig config, KafkaFailures failures) {
        int timeoutMs = config.connectCheckTimeoutMs();
        Admin admin;
        try {
            admin = Admin.create(config.adminProperties());
        } catch (KafkaException e) {
            throw new FatalStreamLakeException(
                    "Kafka cluster at " + config.bootstrapServers() + " cannot be contacted: " + describe(e), e);
        }
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes()
                    .get(timeoutMs + 1_000L, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw notReachable(config, timeoutMs, null);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw notReachable(config, timeoutMs, e.getCause());
            }
            throw failures.platform("the connectivity check", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw notReachable(config, timeoutMs, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableStreamLakeException(
                    "interrupted while checking Kafka at " + config.bootstrapServers(), e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static RetriableStreamLakeException notReachable(
            KafkaAdapterConfig config, int timeoutMs, Throwable cause) {
        return new RetriableStreamLakeException(
                "Kafka cluster at " + config.bootstrapServers() + " not reachable within " + timeoutMs + " ms ("
                        + KafkaAdapterConfig.CONNECT_CHECK_TIMEOUT_MS_CONFIG + ")",
                cause);
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.append(": ").append(c.getMessage());
        }
        return out.toString();
    }
}
