package io.streamlake.bench;

import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The cluster the bench runs on (given, or an embedded single broker it owns, in a {@link BrokerChild} process of its
 * own), the broker's CPU time when the bench can read it (its own broker's, or that of {@code --broker-pid} with a
 * given cluster), the one set of adapter settings every scenario shares (so the raw producer and StreamLake's have
 * identical producer properties), and fresh topics per run, provisioned with the adapter's {@link TopicProvisioner}.
 * Not thread-safe.
 */
final class BenchCluster implements AutoCloseable {

    private final Optional<BrokerChild> embedded;
    private final OptionalLong brokerPid;
    private final String bootstrapServers;
    private final Map<String, Object> adapterSettings;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final AtomicInteger topics = new AtomicInteger();

    private BenchCluster(
            Optional<BrokerChild> embedded, OptionalLong brokerPid, String bootstrapServers, int partitions) {
        this.embedded = embedded;
        this.brokerPid = brokerPid;
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> settings = new HashMap<>();
        settings.put(KafkaAdapterConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(KafkaAdapterConfig.TOPICS_PARTITIONS_CONFIG, String.valueOf(partitions));
        this.adapterSettings = Map.copyOf(settings);
    }

    /**
     * The given cluster, or a broker process of its own started under the work directory.
     *
     * @throws IllegalStateException when the broker process does not start, or {@code --broker-pid} names no process
     *                               whose CPU can be read
     */
    static BenchCluster open(BenchOptions options) {
        if (options.bootstrapServers().isPresent()) {
            if (options.brokerPid().isPresent()
                    && ProcStat.processCpuNanos(options.brokerPid().getAsLong()).isEmpty()) {
                throw new IllegalStateException(
                        "--broker-pid " + options.brokerPid().getAsLong()
                                + ": no process whose CPU time can be read (/proc/<pid>/stat)");
            }
            return new BenchCluster(
                    Optional.empty(),
                    options.brokerPid(),
                    options.bootstrapServers().get(),
                    options.partitions());
        }
        BrokerChild broker = BrokerChild.start(options.workDirectory());
        return new BenchCluster(
                Optional.of(broker), OptionalLong.of(broker.pid()), broker.bootstrapServers(), options.partitions());
    }

    /** The broker process's CPU time so far, when it is known ({@code /proc/<pid>/stat}); empty otherwise. */
    OptionalLong brokerCpuNanos() {
        return brokerPid.isPresent() ? ProcStat.processCpuNanos(brokerPid.getAsLong()) : OptionalLong.empty();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The StreamLake adapter settings of every run: the adapter's defaults, this cluster, the partitions. */
    Map<String, Object> adapterSettings() {
        return adapterSettings;
    }

    KafkaAdapterConfig adapterConfig() {
        return new KafkaAdapterConfig(adapterSettings);
    }

    /** A topic naming never used before in this run, its RAW and DLQ topics for {@code orders} provisioned. */
    TopicNaming freshTopics(String label) {
        TopicNaming naming = new TopicNaming(
                "bench" + runId + "-" + label.replaceAll("[^A-Za-z0-9]", "") + topics.incrementAndGet());
        try (TopicProvisioner provisioner = TopicProvisioner.create(adapterConfig(), naming)) {
            provisioner.ensureTopics(Workload.DATASET);
        }
        return naming;
    }

    /** How many records {@code topic} holds (sum of its partitions' end offsets). */
    long recordCount(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** How many records of {@code topic} a {@code read_committed} consumer reads (reads them all). */
    long committedRecordCount(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("isolation.level", "read_committed");
        props.put("max.poll.records", 10_000);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    @Override
    public void close() {
        embedded.ifPresent(BrokerChild::close);
    }
}
