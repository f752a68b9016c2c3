package io.streamlake.kafka.publish;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a file's last committed checkpoint from the checkpoint topic, as a {@code read_committed} consumer (no group):
 * the partition {@link CheckpointRecords#partition} gives for its key, from the beginning up to the partition's end as it was when reading began (its
 * high watermark, not its last stable offset). A transaction still open there, of any file's run, holds the last
 * stable offset back, and a checkpoint committed after it would be missed; so the read waits, up to
 * {@code max.block.ms} plus 30 s, until every transaction that was open when it began is committed or aborted
 * (an abandoned one is aborted after its {@code transaction.timeout.ms}, 60 s by default). A tombstone after a
 * checkpoint resets it: the file then has none.
 */
final class CheckpointReader {

    private final KafkaAdapterConfig config;
    private final KafkaFailures failures;
    private final String topic;

    CheckpointReader(KafkaAdapterConfig config, String topic) {
        this.config = config;
        this.failures = KafkaFailures.of(config);
        this.topic = topic;
    }

    private Map<String, Object> properties(String isolation) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                config.getString(KafkaAdapterConfig.CLIENT_ID_CONFIG) + "-checkpoints");
        config.passthrough().forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /**
     * @throws RetriableStreamLakeException the topic did not answer, or a transaction stayed open, in time
     * @throws FatalStreamLakeException the topic is missing, reading it is not authorized, or a checkpoint is damaged
     */
    Optional<FileCheckpoint> last(DatasetName dataset, String path) {
        return read(dataset, path, true);
    }

    /**
     * Like {@link #last}, but without waiting for open transactions: it reads up to the partition's last stable offset
     * as it is, so a checkpoint committed behind a transaction still open there is not seen (an older one of the file,
     * or none, is). A missing checkpoint topic means no checkpoint.
     *
     * @throws RetriableStreamLakeException the topic did not answer in time
     * @throws FatalStreamLakeException reading the topic is not authorized, or a checkpoint is damaged
     */
    Optional<FileCheckpoint> lastStable(DatasetName dataset, String path) {
        return read(dataset, path, false);
    }

    /**
     * @param awaitOpen read to the high watermark, waiting for the transactions open there ({@link #last}); else to
     *     the last stable offset, and a missing topic means no checkpoint ({@link #lastStable})
     */
    private Optional<FileCheckpoint> read(DatasetName dataset, String path, boolean awaitOpen) {
        Duration timeout = Duration.ofMillis(config.maxBlockMs());
        byte[] key = CheckpointRecords.key(dataset, path);
        // the high watermark comes from a read_uncommitted consumer, needed only to wait for open transactions
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties("read_committed"));
                KafkaConsumer<byte[], byte[]> ends =
                        awaitOpen ? new KafkaConsumer<>(properties("read_uncommitted")) : null) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                if (!awaitOpen) {
                    return Optional.empty();
                }
                throw new FatalStreamLakeException("checkpoint topic " + topic + " does not exist");
            }
            TopicPartition partition = new TopicPartition(topic, CheckpointRecords.partition(key, partitions.size()));
            // read_uncommitted: the high watermark; read_committed: the last stable offset
            long end = (awaitOpen ? ends : consumer)
                    .endOffsets(List.of(partition), timeout)
                    .get(partition);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long waitMs = timeout.toMillis() + 30_000;
            long deadline = System.nanoTime() + waitMs * 1_000_000;
            FileCheckpoint last = null;
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new RetriableStreamLakeException("the checkpoints of " + path + " on " + topic
                            + " could not be read to offset " + end + " within " + waitMs + " ms at Kafka "
                            + config.bootstrapServers() + ": a transaction there is still open (another run, "
                            + "killed, is aborted after its transaction.timeout.ms); run again later");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (Arrays.equals(r.key(), key)) {
                        last = r.value() == null ? null : CheckpointRecords.parse(dataset, r.value());
                    }
                }
            }
            return Optional.ofNullable(last);
        } catch (KafkaException e) {
            throw failures.platform("reading the checkpoints of " + path + " on " + topic, e);
        } catch (IllegalArgumentException e) {
            throw new FatalStreamLakeException(
                    "the checkpoint of " + dataset.value() + ":" + path + " on " + topic + " cannot be read: "
                            + e.getMessage(),
                    e);
        }
    }
}
