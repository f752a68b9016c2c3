package io.streamlake.test;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.runtime.StreamLake;
import io.streamlake.runtime.StreamLakeBuilder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link StreamLakeTest} test gets: the shared Kafka cluster, the shared Schema Registry (started on first
 * use), a topic prefix of its own, and a {@link StreamLake} builder preset for them.
 *
 * <p>Each resolved parameter is a new handle with a new {@link #topicPrefix()}, so tests that publish the same
 * dataset through {@link #builder()} write to different topics and never see each other's records. Topics are
 * not created automatically (the embedded broker does not auto-create them): call
 * {@link #createDatasetTopics}. Thread-safe.
 */
public final class StreamLakeEnvironment {

    /** Partitions of the topics {@link #createDatasetTopics} creates. */
    public static final int DATASET_TOPIC_PARTITIONS = 3;

    private final KafkaEndpoint kafka;
    private final Supplier<RegistryEndpoint> registry;
    private final TopicNaming naming;

    StreamLakeEnvironment(KafkaEndpoint kafka, Supplier<RegistryEndpoint> registry, String topicPrefix) {
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.naming = new TopicNaming(topicPrefix);
    }

    /** The shared Kafka cluster, with helpers to create topics and read records back. */
    public KafkaEndpoint kafka() {
        return kafka;
    }

    /**
     * The shared Schema Registry; starts it if this is the first request of the JVM (an embedded registry takes
     * a few seconds).
     */
    public RegistryEndpoint registry() {
        return registry.get();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The registry's Confluent-compatible base URL; starts the registry like {@link #registry()}. */
    public String schemaRegistryUrl() {
        return registry().url();
    }

    /** This handle's {@code topic.prefix}: topics are {@code <prefix>.<dataset>.raw} and {@code .dlq}. */
    public String topicPrefix() {
        return naming.prefix();
    }

    /** {@code <topicPrefix>.<dataset>.raw}. */
    public String rawTopic(String dataset) {
        return naming.raw(DatasetName.of(dataset));
    }

    /** {@code <topicPrefix>.<dataset>.dlq}. */
    public String dlqTopic(String dataset) {
        return naming.deadLetter(DatasetName.of(dataset));
    }

    /** A new name {@code <base>-<run>-<n>}, unique in this JVM and unlikely to clash across runs. */
    public String uniqueName(String base) {
        return UniqueNames.of(base);
    }

    /**
     * Creates each dataset's RAW and DLQ topics under {@link #topicPrefix()}, {@value #DATASET_TOPIC_PARTITIONS}
     * partitions each, replication factor 1, and waits until their leaders answer.
     *
     * @throws IllegalStateException when a topic exists already or is not ready within 30 s
     */
    public StreamLakeEnvironment createDatasetTopics(String... datasets) {
        for (String dataset : datasets) {
            kafka.createTopic(rawTopic(dataset), DATASET_TOPIC_PARTITIONS);
            kafka.createTopic(dlqTopic(dataset), DATASET_TOPIC_PARTITIONS);
        }
        return this;
    }

    /**
     * A builder with {@code bootstrap.servers} and {@code topic.prefix} set for this handle; anything else is
     * StreamLake's default (JSON values). Nothing is read from the environment. Add settings with
     * {@link StreamLakeBuilder#set}; for Avro use {@link #builderWithRegistry()}.
     */
    public StreamLakeBuilder builder() {
        return StreamLake.builder().set("bootstrap.servers", bootstrapServers()).set("topic.prefix", topicPrefix());
    }

    /** {@link #builder()} plus {@code schema.registry.url} of the shared registry (starting it if needed). */
    public StreamLakeBuilder builderWithRegistry() {
        return builder().set("schema.registry.url", schemaRegistryUrl());
    }

    @Override
    public String toString() {
        return "StreamLakeEnvironment[" + kafka.description() + ", topic prefix " + topicPrefix() + "]";
    }
}
