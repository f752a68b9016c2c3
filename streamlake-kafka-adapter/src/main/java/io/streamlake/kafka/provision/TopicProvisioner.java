package io.streamlake.kafka.provision;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.StreamLakeException;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import io.streamlake.kafka.settings.TopicSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates a dataset's RAW and DLQ topics through the Admin client, with the partitions, replication factor,
 * {@code min.insync.replicas} and retention of {@link TopicSettings}, then waits until every partition's leader
 * answers (the KAFKA-15591 workaround), so a producer can send the moment this returns.
 *
 * <p>Idempotent: a topic that already exists is described, not changed; where it differs from the settings,
 * the result carries a warning. Thread-safe (the Admin client is). Failures: {@link FatalStreamLakeException}
 * when not authorized (naming the topic) or when the broker refuses the settings; {@link RetriableStreamLakeException}
 * when the cluster does not answer or the leaders are not ready within {@code topics.ready.timeout.ms}.
 */
public final class TopicProvisioner implements AutoCloseable {

    private final Admin admin;
    private final TopicNaming naming;
    private final TopicSettings settings;
    private final KafkaFailures failures;

    TopicProvisioner(Admin admin, TopicNaming naming, TopicSettings settings, KafkaFailures failures) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.naming = Objects.requireNonNull(naming, "naming");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** A provisioner with its own Admin client on the cluster {@code config} names; close it when done. */
    public static TopicProvisioner create(KafkaAdapterConfig config, TopicNaming naming) {
        return new TopicProvisioner(
                Admin.create(config.adminProperties()), naming, config.topicSettings(), KafkaFailures.of(config));
    }

    /**
     * Makes sure {@code dataset}'s RAW and DLQ topics exist and every partition has an answering leader.
     * Blocks for at most about {@code topics.ready.timeout.ms} twice (creation, then the leaders).
     */
    public ProvisioningResult ensureTopics(DatasetName dataset) {
        String raw = naming.raw(dataset);
        String dlq = naming.deadLetter(dataset);
        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        wanted.put(raw, topicConfigs(settings.rawRetentionMs()));
        wanted.put(dlq, topicConfigs(settings.dlqRetentionMs()));
        Map<String, Boolean> created = create(wanted);
        Map<String, TopicDescription> described =
                LeaderWait.await(admin, List.copyOf(wanted.keySet()), settings.readyTimeoutMs(), failures);
        Map<String, Map<String, String>> actual =
                TopicConfigs.describe(admin, wanted.keySet(), settings.readyTimeoutMs(), failures);
        return new ProvisioningResult(
                dataset,
                status(raw, created.get(raw), described.get(raw), actual.get(raw), wanted.get(raw)),
                status(dlq, created.get(dlq), described.get(dlq), actual.get(dlq), wanted.get(dlq)));
    }

    /**
     * Makes sure the compacted checkpoint topic of exactly-once file runs ({@link TopicNaming#checkpoints()}) exists
     * with an answering leader: one partition, {@code cleanup.policy=compact}, {@code segment.ms} of one hour (so
     * compaction keeps it small), the replication factor and {@code min.insync.replicas} of {@code topics.*}. An
     * existing topic is not created again (a principal allowed to DESCRIBE, READ and WRITE a topic created beforehand
     * needs no CREATE), but refused when its {@code cleanup.policy} does not compact: deletion would drop the
     * checkpoints of files not run for {@code retention.ms}. When its configuration cannot be described, it is used as
     * it is.
     *
     * @return the topic's name
     * @throws FatalStreamLakeException the existing topic does not compact
     */
    public String ensureCheckpointTopic() {
        String name = naming.checkpoints();
        if (!exists(name)) {
            Map<String, String> configs = topicConfigs(null);
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            configs.put(TopicConfig.SEGMENT_MS_CONFIG, "3600000");
            create(Map.of(name, configs), 1);
        } else {
            requireCompacted(name);
        }
        LeaderWait.await(admin, List.of(name), settings.readyTimeoutMs(), failures);
        return name;
    }

    private void requireCompacted(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String policy;
        try {
            Config config = admin.describeConfigs(
                            List.of(resource), new DescribeConfigsOptions().timeoutMs(settings.readyTimeoutMs()))
                    .values()
                    .get(resource)
                    .get(settings.readyTimeoutMs() + 1_000L, TimeUnit.MILLISECONDS);
            ConfigEntry entry = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            policy = entry == null ? null : entry.value();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableStreamLakeException("interrupted while describing topic " + topic, e);
        }
        if (policy != null && !policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new FatalStreamLakeException("checkpoint topic " + topic + " has cleanup.policy=" + policy
                    + ": exactly-once runs need cleanup.policy=compact there, or their checkpoints are deleted "
                    + "after retention.ms (kafka-configs --alter --entity-type topics --entity-name " + topic
                    + " --add-config cleanup.policy=compact)");
        }
    }

    private boolean exists(String topic) {
        try {
            admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(settings.readyTimeoutMs()))
                    .allTopicNames()
                    .get(settings.readyTimeoutMs() + 1_000L, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw failures.platform("describing topic " + topic, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RetriableStreamLakeException(
                    "Kafka at " + failures.bootstrapServers() + " did not describe topic " + topic + " within "
                            + settings.readyTimeoutMs() + " ms",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableStreamLakeException("interrupted while describing topic " + topic, e);
        }
    }

    private Map<String, String> topicConfigs(Long retentionMs) {
        Map<String, String> configs = new HashMap<>();
        if (settings.minInsyncReplicas() != null) {
            configs.put(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    settings.minInsyncReplicas().toString());
        }
        if (retentionMs != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, retentionMs.toString());
        }
        return configs;
    }

    private Map<String, Boolean> create(Map<String, Map<String, String>> wanted) {
        return create(wanted, settings.partitions());
    }

    private Map<String, Boolean> create(Map<String, Map<String, String>> wanted, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        wanted.forEach((name, configs) ->
                topics.add(new NewTopic(name, java.util.Optional.of(partitions), settings.replicationFactorIfSet())
                        .configs(configs)));
        CreateTopicsResult result =
                admin.createTopics(topics, new CreateTopicsOptions().timeoutMs(settings.readyTimeoutMs()));
        Map<String, Boolean> created = new HashMap<>();
        for (String name : wanted.keySet()) {
            try {
                result.values().get(name).get(settings.readyTimeoutMs() + 1_000L, TimeUnit.MILLISECONDS);
                created.put(name, true);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw refused(name, e.getCause());
                }
                created.put(name, false);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new RetriableStreamLakeException(
                        "Kafka at " + failures.bootstrapServers() + " did not create topic " + name + " within "
                                + settings.readyTimeoutMs() + " ms",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableStreamLakeException("interrupted while creating topic " + name, e);
            }
        }
        return created;
    }

    private StreamLakeException refused(String topic, Throwable cause) {
        // AuthorizationException extends InvalidConfigurationException: test it first
        if (!(cause instanceof AuthorizationException)
                && (cause instanceof InvalidReplicationFactorException
                        || cause instanceof InvalidPartitionsException
                        || cause instanceof InvalidConfigurationException
                        || cause instanceof PolicyViolationException)) {
            return new FatalStreamLakeException(
                    "Kafka at " + failures.bootstrapServers() + " refused to create topic "
                            + topic + " with partitions=" + settings.partitions() + ", replication factor="
                            + settings.replicationFactor() + ": " + cause.getMessage(),
                    cause);
        }
        return failures.platform("creating topic " + topic, cause);
    }

    private TopicStatus status(
            String name,
            boolean created,
            TopicDescription description,
            Map<String, String> configs,
            Map<String, String> requested) {
        int partitions = description.partitions().size();
        int replicas = description.partitions().get(0).replicas().size();
        List<String> warnings = new ArrayList<>();
        if (partitions != settings.partitions()) {
            warnings.add(name + " has " + partitions + " partitions, not the requested " + settings.partitions()
                    + ": dead letters land on their key's RAW partition number only when RAW and DLQ counts are equal");
        }
        if (settings.replicationFactor() != -1 && replicas != settings.replicationFactor()) {
            warnings.add(name + " has replication factor " + replicas + ", not the requested "
                    + settings.replicationFactor());
        }
        requested.forEach((key, value) -> {
            if (!value.equals(configs.get(key))) {
                warnings.add(name + " has " + key + "=" + configs.get(key) + ", not the requested " + value);
            }
        });
        return new TopicStatus(name, created, partitions, replicas, configs, warnings);
    }

    /** Closes the Admin client. */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
