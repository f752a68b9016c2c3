package io.streamlake.kafka.provision;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One provisioned topic as the broker describes it after provisioning.
 *
 * @param name              the topic
 * @param created           true when this call created it, false when it already existed
 * @param partitions        its partition count
 * @param replicationFactor its replication factor
 * @param configs           its {@code min.insync.replicas} and {@code retention.ms} as the broker reports them
 * @param warnings          where an existing topic differs from the requested settings; empty when it does not
 */
public record TopicStatus(
        String name,
        boolean created,
        int partitions,
        int replicationFactor,
        Map<String, String> configs,
        List<String> warnings) {

    public TopicStatus {
        Objects.requireNonNull(name, "name");
        configs = Map.copyOf(configs);
        warnings = List.copyOf(warnings);
    }
}
