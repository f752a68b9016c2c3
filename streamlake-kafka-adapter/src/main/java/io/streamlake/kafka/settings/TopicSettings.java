package io.streamlake.kafka.settings;

import io.streamlake.kafka.provision.TopicProvisioner;
import java.util.Optional;

/**
 * What {@link TopicProvisioner} asks for when it creates a dataset's topics.
 *
 * @param partitions         partitions of the RAW and the DLQ topic
 * @param replicationFactor  replication factor, -1 for the broker's default
 * @param minInsyncReplicas  {@code min.insync.replicas}, null for the broker's default
 * @param dlqRetentionMs     {@code retention.ms} of the DLQ topic (-1 keeps forever)
 * @param rawRetentionMs     {@code retention.ms} of the RAW topic, null for the broker's default
 * @param readyTimeoutMs     how long to wait for every partition's leader after creation
 */
public record TopicSettings(
        int partitions,
        short replicationFactor,
        Integer minInsyncReplicas,
        long dlqRetentionMs,
        Long rawRetentionMs,
        int readyTimeoutMs) {

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor != -1 && replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be -1 or at least 1, got " + replicationFactor);
        }
        if (minInsyncReplicas != null && minInsyncReplicas < 1) {
            throw new IllegalArgumentException("min.insync.replicas must be at least 1, got " + minInsyncReplicas);
        }
        if (readyTimeoutMs < 1) {
            throw new IllegalArgumentException("ready timeout must be positive, got " + readyTimeoutMs);
        }
    }

    /** The replication factor for {@code NewTopic}: empty means the broker's default. */
    public Optional<Short> replicationFactorIfSet() {
        return replicationFactor == -1 ? Optional.empty() : Optional.of(replicationFactor);
    }
}
