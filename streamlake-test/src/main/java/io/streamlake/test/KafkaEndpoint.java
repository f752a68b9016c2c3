package io.streamlake.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A Kafka cluster a test talks to, with helpers for isolated topics and for reading records back with a
 * plain {@link KafkaConsumer}. Thread-safe; holds no open clients.
 */
public final class KafkaEndpoint {

    /** How long {@link #createTopic} waits for the topic and for every partition's leader. */
    public static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String description;

    private KafkaEndpoint(String bootstrapServers, String description) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** An endpoint for any cluster, e.g. a 3-broker {@code EmbeddedKafkaCluster} a fault test starts itself. */
    public static KafkaEndpoint of(String bootstrapServers) {
        return new KafkaEndpoint(bootstrapServers, "cluster at " + bootstrapServers);
    }

    /** An endpoint for any cluster, with {@code description} naming it in messages. */
    public static KafkaEndpoint of(String bootstrapServers, String description) {
        return new KafkaEndpoint(bootstrapServers, description);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the cluster comes from (embedded, external, a {@code KafkaProvider}), for messages. */
    public String description() {
        return description;
    }

    /** Properties every client needs to reach this cluster (bootstrap servers; security settings if any). */
    public Map<String, Object> clientProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /** A new Admin client for this cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(clientProperties());
    }

    /** A new name {@code <base>-<run>-<n>}, unique in this JVM and unlikely to clash across runs. */
    public String uniqueName(String base) {
        return UniqueNames.of(base);
    }

    /** Same as {@link #uniqueName}; reads better where a topic is meant. Does not create it. */
    public String uniqueTopic(String base) {
        return UniqueNames.of(base);
    }

    /** Creates a topic with replication factor 1 and waits until every partition's leader answers. */
    public String createTopic(String name, int partitions) {
        return createTopic(new NewTopic(name, partitions, (short) 1));
    }

    /**
     * Creates a topic and waits until every partition's leader answers a {@code ListOffsets} request. Sending
     * with an idempotent producer before that can stall (KAFKA-15591); {@code partitionsFor} is not enough.
     *
     * @return the topic's name
     * @throws IllegalStateException when the topic is not ready within {@link #TOPIC_READY_TIMEOUT}
     */
    public String createTopic(NewTopic topic) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic)).all().get(TOPIC_READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            TopicReadiness.awaitLeaders(admin, topic.name(), TOPIC_READY_TIMEOUT);
            return topic.name();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not create topic " + topic.name() + " on " + description + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
    }

    /**
     * Reads a topic from the beginning of every partition (no consumer group: partitions are assigned)
     * until at least {@code expectedCount} records arrived or {@code timeout} passed, and returns what it
     * read — possibly fewer records on timeout, so assert on the size.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, int expectedCount, Duration timeout) {
        return consumeAll(topic, expectedCount, timeout, Map.of());
    }

    /** The sum of the end offsets of every partition of {@code topic}: how many records were ever written to it. */
    public long recordsWritten(String topic) {
        Duration timeout = Duration.ofSeconds(20);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(clientProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions, timeout).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** As {@link #consumeAll(String, int, Duration)}, with extra consumer properties (e.g. isolation level). */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(
            String topic, int expectedCount, Duration timeout, Map<String, Object> consumerProperties) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return readFromBeginning(topic, consumerProperties, timeout, (consumer, partitions, records) -> {
            while (records.size() < expectedCount && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        });
    }

    /**
     * Every record of {@code topic}, read from the beginning of every partition up to the end offsets taken when
     * reading starts. Unlike {@link #consumeAll(String, int, Duration)} it needs no expected count: it stops at the
     * end, and so shows records that should not be there.
     *
     * <p>With {@code isolation.level=read_committed} in {@code consumerProperties} the end is the last stable offset:
     * what committed transactions hold. A transaction's commit returns before the broker has written its commit
     * markers, and until then the last stable offset stays behind the transaction's records; so while it is behind the
     * high watermark, this looks again every 50 ms for up to {@link #COMMIT_MARKERS_GRACE} and reads on to where it
     * moved. A transaction still open after that (a producer killed mid-transaction) leaves its records unread.
     *
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public List<ConsumerRecord<byte[], byte[]>> readToEnd(
            String topic, Map<String, Object> consumerProperties, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean readCommitted =
                "read_committed".equals(String.valueOf(consumerProperties.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)));
        return readFromBeginning(topic, consumerProperties, timeout, (consumer, partitions, records) -> {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            readTo(consumer, partitions, end, records, topic, deadline, timeout);
            if (!readCommitted) {
                return;
            }
            Map<TopicPartition, Long> highWatermarks = highWatermarks(partitions, timeout);
            long graceEnd = System.nanoTime() + COMMIT_MARKERS_GRACE.toNanos();
            while (!end.equals(highWatermarks) && System.nanoTime() - graceEnd < 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                end = consumer.endOffsets(partitions, timeout);
                readTo(consumer, partitions, end, records, topic, deadline, timeout);
            }
        });
    }

    /** How long {@link #readToEnd} waits for a just-committed transaction's markers. */
    public static final Duration COMMIT_MARKERS_GRACE = Duration.ofSeconds(3);

    private static void readTo(
            KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> end,
            List<ConsumerRecord<byte[], byte[]>> records,
            String topic,
            long deadline,
            Duration timeout) {
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("did not read " + topic + " to its end " + end + " within " + timeout
                        + ": " + records.size() + " records read");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
    }

    /** The partitions' high watermarks: their end offsets for a consumer that reads uncommitted records too. */
    private Map<TopicPartition, Long> highWatermarks(List<TopicPartition> partitions, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(clientProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(partitions, timeout);
        }
    }

    /** How a read polls a consumer assigned to every partition of the topic, at their beginning. */
    @FunctionalInterface
    private interface Reading {
        void read(
                KafkaConsumer<byte[], byte[]> consumer,
                List<TopicPartition> partitions,
                List<ConsumerRecord<byte[], byte[]>> records);
    }

    private List<ConsumerRecord<byte[], byte[]>> readFromBeginning(
            String topic, Map<String, Object> consumerProperties, Duration timeout, Reading reading) {
        Map<String, Object> props = new HashMap<>(clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.putAll(consumerProperties);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            reading.read(consumer, partitions, records);
        }
        return records;
    }

    @Override
    public String toString() {
        return "KafkaEndpoint[" + description + "]";
    }
}
