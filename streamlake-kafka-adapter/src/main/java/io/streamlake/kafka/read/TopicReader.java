package io.streamlake.kafka.read;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.StreamLakeException;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a topic's records as bytes, with every partition assigned (no consumer group, nothing committed). Each
 * {@link #read} uses its own consumer; the reader itself holds no connection. Thread-safe.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaAdapterConfig config;

    public TopicReader(KafkaAdapterConfig config) {
        this.config = config;
    }

    /**
     * Reads {@code topic}, handing each record to {@code sink} on the calling thread, until {@code options} say stop.
     *
     * @return how many records were read
     * @throws RetriableStreamLakeException the cluster did not answer within {@code connect.check.timeout.ms}
     * @throws FatalStreamLakeException     the topic does not exist, or the cluster refused the read
     */
    public long read(String topic, ReadOptions options, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        Duration answer = Duration.ofMillis(config.connectCheckTimeoutMs());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ReaderProperties.of(config))) {
            List<TopicPartition> partitions = partitions(consumer, topic, answer, config);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, answer));
            if (options.fromBeginning()) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            return drain(consumer, ends, options, sink);
        } catch (KafkaException e) {
            throw failure(config, topic, e);
        }
    }

    /**
     * Polls {@code consumer}, handing each record to {@code sink}, until {@code options} say stop; with
     * {@link ReadOptions#untilEnd()}, records at or past {@code ends} are not handed on.
     */
    static long drain(
            KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> ends,
            ReadOptions options,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        long read = 0;
        long idleSince = System.nanoTime();
        while (read < options.max()) {
            if (options.untilEnd() && reachedEnd(consumer, ends)) {
                break;
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                if (System.nanoTime() - idleSince > options.idleTimeout().toNanos()) {
                    break;
                }
                continue;
            }
            idleSince = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (read >= options.max()) {
                    break;
                }
                if (options.untilEnd()
                        && record.offset()
                                >= ends.getOrDefault(
                                        new TopicPartition(record.topic(), record.partition()), Long.MAX_VALUE)) {
                    continue;
                }
                sink.accept(record);
                read++;
            }
        }
        return read;
    }

    /**
     * What a failed read or commit of {@code topic} means to the caller: retriable when the cluster did not answer in
     * time, fatal when it refused (authentication, authorization) or anything else went wrong.
     */
    static StreamLakeException failure(KafkaAdapterConfig config, String topic, KafkaException e) {
        if (e instanceof TimeoutException) {
            return new RetriableStreamLakeException(
                    "Kafka cluster at " + config.bootstrapServers() + " not reachable within "
                            + config.connectCheckTimeoutMs() + " ms ("
                            + KafkaAdapterConfig.CONNECT_CHECK_TIMEOUT_MS_CONFIG + ")",
                    e);
        }
        if (e instanceof RetriableException) {
            return new RetriableStreamLakeException(
                    "Kafka at " + config.bootstrapServers() + " failed on " + topic + ", try again: " + e.getMessage(),
                    e);
        }
        if (e instanceof AuthenticationException) {
            return new FatalStreamLakeException(
                    "Authentication to Kafka at " + config.bootstrapServers() + " failed (" + config.securityContext()
                            + ") reading " + topic + ": " + e.getMessage(),
                    e);
        }
        return new FatalStreamLakeException(
                "cannot read " + topic + " from Kafka at " + config.bootstrapServers() + ": " + e.getMessage(), e);
    }

    /** Every partition of {@code topic}, by number; fatal when the topic does not exist. */
    static List<TopicPartition> partitions(
            KafkaConsumer<byte[], byte[]> consumer, String topic, Duration answer, KafkaAdapterConfig config) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, answer);
        if (infos == null || infos.isEmpty()) {
            throw new FatalStreamLakeException(
                    "topic " + topic + " does not exist on Kafka at " + config.bootstrapServers());
        }
        return infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
