package io.streamlake.it.support;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.test.StreamLakeExtension;
import java.nio.file.Path;

/**
 * Kafka clusters a test owns (not shared): for fault tests that stop and restart brokers. The caller closes
 * the cluster, e.g. in try-with-resources or {@code @AfterAll}. Always embedded (in-process), whatever the
 * testkit chose for the shared cluster, because the test must control the brokers.
 */
public final class KafkaClusters {

    private KafkaClusters() {}

    /**
     * Starts 3 brokers and a dedicated KRaft controller, data under {@code <workDir>/kafka}; ready when this
     * returns. Internal topics have replication factor 3 and {@code min.insync.replicas} 1; create test topics
     * with the replication and {@code min.insync.replicas} the test needs.
     *
     * @throws io.streamlake.embedded.EmbeddedStartupException when the brokers are not ready within 60 s
     */
    public static EmbeddedKafkaCluster threeNode(Path workDir) {
        return EmbeddedKafkaCluster.start(
                EmbeddedKafkaConfig.defaults().withBrokers(3).withBaseDirectory(workDir.resolve("kafka")));
    }

    /** {@link #threeNode(Path)} in {@link StreamLakeExtension#workDirectory()}. */
    public static EmbeddedKafkaCluster threeNode() {
        return threeNode(StreamLakeExtension.workDirectory());
    }
}
