package io.streamlake.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Connect cluster for the tests, shared by the test classes of one JVM: one KRaft broker and three distributed
 * workers, started once. The unit-test JVM's workers have {@code exactly.once.source.support=enabled}; the
 * integration-test JVM's do not ({@code streamlake.connect.exactly.once=false}), for the at-least-once test. Tests keep
 * apart by their own {@code topic.prefix} (so their own RAW and DLQ topics) and connector names.
 */
final class ConnectCluster {

    static final int WORKERS = 3;

    /** Whether this JVM's workers run source connectors exactly once. */
    static final boolean EXACTLY_ONCE =
            Boolean.parseBoolean(System.getProperty("streamlake.connect.exactly.once", "true"));

    private static EmbeddedConnectCluster cluster;

    private ConnectCluster() {}

    /** Stops the cluster at the end of the test run: started once per JVM, stopped with JUnit's root store. */
    static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(ConnectCluster.class, k -> {
                        EmbeddedConnectCluster started = get();
                        return (ExtensionContext.Store.CloseableResource) () -> {
                            synchronized (ConnectCluster.class) {
                                started.stop();
                                cluster = null;
                            }
                        };
                    });
        }
    }

    static synchronized EmbeddedConnectCluster get() {
        if (cluster == null) {
            Properties broker = new Properties();
            broker.put("transaction.state.log.replication.factor", "1");
            broker.put("transaction.state.log.min.isr", "1");
            broker.put("auto.create.topics.enable", "false");
            Map<String, String> worker = new HashMap<>();
            worker.put(DistributedConfig.EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG, EXACTLY_ONCE ? "enabled" : "disabled");
            worker.put("offset.flush.interval.ms", "1000");
            worker.put("plugin.discovery", "hybrid_warn");
            EmbeddedConnectCluster started = new EmbeddedConnectCluster.Builder()
                    .name("streamlake-connect-tests")
                    .numWorkers(WORKERS)
                    .numBrokers(1)
                    .brokerProps(broker)
                    .workerProps(worker)
                    .build();
            started.start();
            cluster = started;
        }
        return cluster;
    }

    /**
     * The connector settings every StreamLake connector of the tests shares: byte converters, and exactly once with
     * connector-defined transactions when the workers support it.
     */
    static Map<String, String> sourceConnector(String prefix, String input, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, StreamLakeFileSourceConnector.class.getName());
        config.put(ConnectorConfig.TASKS_MAX_CONFIG, String.valueOf(tasks));
        bytes(config);
        if (EXACTLY_ONCE) {
            config.put(SourceConnectorConfig.EXACTLY_ONCE_SUPPORT_CONFIG, "required");
            config.put(SourceConnectorConfig.TRANSACTION_BOUNDARY_CONFIG, "connector");
        }
        config.put("dataset", "orders");
        config.put("key.field", "order_id");
        config.put("topic.prefix", prefix);
        config.put("input.path", input);
        config.put("poll.interval.ms", "500");
        return config;
    }

    static void bytes(Map<String, String> config) {
        config.put(ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, ByteArrayConverter.class.getName());
        config.put(ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG, ByteArrayConverter.class.getName());
        config.put(ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG, ByteArrayConverter.class.getName());
    }

    static void createTopics(String prefix, int partitions) {
        get().kafka().createTopic(prefix + ".orders.raw", partitions);
        get().kafka().createTopic(prefix + ".orders.dlq", partitions);
    }

    /** Every committed record of the topic, read from its start to its last stable offset (read_committed). */
    static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, get().kafka().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end in 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** The sum of the topic's end offsets (uncommitted records and transaction markers included). */
    static long endOffsets(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, get().kafka().bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** How many committed records the topic holds (data records, transaction markers not counted). */
    static int countCommitted(String topic) {
        return readCommitted(topic).size();
    }

    /**
     * Deletes a connector, retrying while the group has not settled (a request forwarded to a leader that just left
     * fails until the workers rebalance).
     */
    static void deleteConnector(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                get().deleteConnector(name);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
