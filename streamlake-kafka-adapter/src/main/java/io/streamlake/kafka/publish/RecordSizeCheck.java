package io.streamlake.kafka.publish;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;

/**
 * Refuses, before it is sent, a record that the producer or the broker would refuse as too large, so that the refusal
 * does not put a transactional producer into its abortable error state (which aborts the whole transaction). The
 * producer's own checks are repeated: the upper bound of the record's serialized size in a batch of its own
 * ({@code AbstractRecords.estimateSizeInBytesUpperBound} with the current magic and the producer's compression, as
 * {@code KafkaProducer.send} computes it) against {@code max.request.size} and {@code buffer.memory}. The broker's
 * check is added: that bound against the topic's {@code max.message.bytes}, read once per topic when the check is
 * created; when compression is on and only the topic's limit is exceeded, the record is compressed once, as a batch
 * of its own, and that size is compared instead (the broker checks compressed batches; a producer batch of several
 * records that is too large is split by the producer itself). Immutable, thread-safe.
 */
final class RecordSizeCheck {

    private static final System.Logger LOG = System.getLogger(RecordSizeCheck.class.getName());

    /** The broker's default {@code message.max.bytes} (1 MiB plus the 12-byte log overhead). */
    static final int BROKER_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

    private final int maxRequestSize;
    private final long bufferMemory;
    private final Compression compression;
    private final Map<String, Integer> topicLimits;

    /** The largest record {@code topic} and the producer accept: its {@code max.message.bytes}, at most the request. */
    int limit(String topic) {
        return Math.min(topicLimits.getOrDefault(topic, BROKER_DEFAULT_MAX_MESSAGE_BYTES), maxRequestSize);
    }

    RecordSizeCheck(int maxRequestSize, long bufferMemory, Compression compression, Map<String, Integer> topicLimits) {
        this.maxRequestSize = maxRequestSize;
        this.bufferMemory = bufferMemory;
        this.compression = compression;
        this.topicLimits = Map.copyOf(topicLimits);
    }

    /**
     * The check for a producer with {@code producerProperties}, reading {@code max.message.bytes} of {@code topics}
     * through an admin client with {@code adminProperties}. A topic whose configuration cannot be read (no
     * DESCRIBE_CONFIGS permission, not there yet, no answer within {@code timeoutMs}) gets the broker's default, with
     * a debug log that says so.
     */
    static RecordSizeCheck read(
            Map<String, Object> producerProperties,
            Map<String, Object> adminProperties,
            Collection<String> topics,
            int timeoutMs) {
        Map<String, Object> producer = ProducerConfig.configDef().parse(producerProperties);
        Map<String, Integer> limits = new HashMap<>();
        try (Admin admin = Admin.create(adminProperties)) {
            Map<ConfigResource, KafkaFuture<Config>> described = admin.describeConfigs(
                            topics.stream()
                                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                                    .toList(),
                            new DescribeConfigsOptions().timeoutMs(timeoutMs))
                    .values();
            for (String topic : topics) {
                limits.put(
                        topic,
                        maxMessageBytes(
                                topic, described.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)), timeoutMs));
            }
        } catch (KafkaException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "cannot read max.message.bytes of " + topics + " (" + e + "); assuming the broker default "
                            + BROKER_DEFAULT_MAX_MESSAGE_BYTES);
            topics.forEach(t -> limits.put(t, BROKER_DEFAULT_MAX_MESSAGE_BYTES));
        }
        return new RecordSizeCheck(
                (Integer) producer.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                (Long) producer.get(ProducerConfig.BUFFER_MEMORY_CONFIG),
                compression(producer),
                limits);
    }

    private static int maxMessageBytes(String topic, KafkaFuture<Config> config, int timeoutMs) {
        try {
            ConfigEntry entry = config.get(timeoutMs, TimeUnit.MILLISECONDS).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null && entry.value() != null) {
                return Integer.parseInt(entry.value());
            }
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "the configuration of topic " + topic + " has no max.message.bytes; assuming the broker default "
                            + BROKER_DEFAULT_MAX_MESSAGE_BYTES);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "cannot read max.message.bytes of topic " + topic + " ("
                            + (e instanceof ExecutionException ? e.getCause() : e)
                            + "; describeConfigs not permitted, topic missing or no answer); assuming the broker default "
                            + BROKER_DEFAULT_MAX_MESSAGE_BYTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return BROKER_DEFAULT_MAX_MESSAGE_BYTES;
    }

    /** The producer's compression, with its configured level, as {@code KafkaProducer} builds it. */
    private static Compression compression(Map<String, Object> producer) {
        CompressionType type = CompressionType.forName((String) producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        return switch (type) {
            case GZIP ->
                Compression.gzip()
                        .level((Integer) producer.get(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG))
                        .build();
            case LZ4 ->
                Compression.lz4()
                        .level((Integer) producer.get(ProducerConfig.COMPRESSION_LZ4_LEVEL_CONFIG))
                        .build();
            case ZSTD ->
                Compression.zstd()
                        .level((Integer) producer.get(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG))
                        .build();
            default -> Compression.of(type).build();
        };
    }

    /** The refusal the producer or the broker would give {@code record}, or null when it fits. */
    RecordTooLargeException refusal(ProducerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        int size = AbstractRecords.estimateSizeInBytesUpperBound(
                RecordBatch.CURRENT_MAGIC_VALUE, compression.type(), record.key(), record.value(), headers);
        if (size > maxRequestSize) {
            return new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                    + maxRequestSize + ", which is the value of the max.request.size configuration.");
        }
        if (size > bufferMemory) {
            return new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                    + "the total memory buffer you have configured with the buffer.memory configuration.");
        }
        int topicLimit = topicLimit(record.topic());
        if (size <= topicLimit) {
            return null;
        }
        String batch = "";
        if (compression.type() != CompressionType.NONE) {
            int compressed = compressed(record, headers);
            if (compressed <= topicLimit) {
                return null;
            }
            batch = " (" + compressed + " bytes as a " + compression.type().name + "-compressed batch)";
        }
        return new RecordTooLargeException("The message is " + size + " bytes when serialized" + batch
                + " which is larger than " + topicLimit + ", the max.message.bytes of topic " + record.topic()
                + ", so the broker would refuse it.");
    }

    /** The size of a batch holding only {@code record}, compressed as the producer compresses it. */
    private int compressed(ProducerRecord<byte[], byte[]> record, Header[] headers) {
        long timestamp = record.timestamp() == null ? System.currentTimeMillis() : record.timestamp();
        return MemoryRecords.withRecords(
                        RecordBatch.CURRENT_MAGIC_VALUE,
                        compression,
                        new SimpleRecord(timestamp, record.key(), record.value(), headers))
                .sizeInBytes();
    }

    /** The {@code max.message.bytes} of {@code topic} read when this check was created, or the broker default. */
    int topicLimit(String topic) {
        return topicLimits.getOrDefault(topic, BROKER_DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Override
    public String toString() {
        return "max.request.size=" + maxRequestSize + ", buffer.memory=" + bufferMemory + ", compression="
                + compression.type().name + ", max.message.bytes " + topicLimits;
    }
}
