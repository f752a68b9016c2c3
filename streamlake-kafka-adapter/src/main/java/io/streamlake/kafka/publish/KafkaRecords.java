package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.Timestamps;
import io.streamlake.kafka.settings.HeadersStyle;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka records the transport writes, built without a producer: the RAW record of an {@link OutboundEvent} and
 * the DLQ record of a {@link DeadLetter}, with their keys, headers ({@link HeadersStyle}), values and timestamps. The
 * {@link KafkaAdapter}'s ports send exactly these records; a caller that hands records to another producer (a Kafka
 * Connect worker) gets the same bytes. Thread-safe.
 */
public final class KafkaRecords {

    /** Where a dead letter whose key is cut goes: the partition Kafka's partitioner gives the full key. */
    @FunctionalInterface
    public interface KeyPartitioner {
        /**
         * @return the partition of {@code key} on {@code topic}, or null to let the producer partition the record on
         *         its (cut) key
         */
        Integer partition(String topic, byte[] key);
    }

    private final HeaderMapper headers;
    private final int maxPayloadBytes;

    KafkaRecords(HeaderMapper headers, int maxPayloadBytes) {
        this.headers = headers;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * @param style           which metadata headers are written ({@code headers.style})
     * @param maxPayloadBytes {@code dlq.payload.max.bytes}: most bytes of the payload (and key) a dead letter keeps
     */
    public static KafkaRecords of(HeadersStyle style, int maxPayloadBytes) {
        Objects.requireNonNull(style, "style");
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 1, got " + maxPayloadBytes);
        }
        return new KafkaRecords(new HeaderMapper(style), maxPayloadBytes);
    }

    /**
     * The RAW record: the event's topic, no explicit partition (Kafka's partitioner decides from the key's UTF-8
     * bytes), the event time as timestamp (CreateTime), the serialized value and the metadata headers.
     *
     * @throws RejectedPayloadException the event time cannot be a Kafka timestamp (before 1970): bad data, the core
     *                                  dead-letters the event at stage {@code publish}
     */
    public ProducerRecord<byte[], byte[]> raw(OutboundEvent event) {
        byte[] key = event.key() == null ? null : event.key().getBytes(UTF_8);
        return new ProducerRecord<>(
                event.topic(),
                null,
                recordTimestamp(event.metadata().eventTime()),
                key,
                event.value().bytes(),
                headers.forEvent(event.metadata(), event.value().contentType()));
    }

    /**
     * The DLQ record: the dead letter's topic, the original key (a key longer than {@code dlq.payload.max.bytes} is
     * cut to that many bytes, in the key and in the value, and the record goes to the partition {@code partitioner}
     * gives the full key), the original headers plus {@code dlq_*}, the DLQ JSON as value, and the failure time as
     * timestamp.
     */
    public ProducerRecord<byte[], byte[]> deadLetter(DeadLetter deadLetter, KeyPartitioner partitioner) {
        String topic = deadLetter.deadLetterTopic();
        DeadLetter letter = deadLetter;
        byte[] key = deadLetter.key() == null ? null : deadLetter.key().getBytes(UTF_8);
        Integer partition = null;
        if (key != null && key.length > maxPayloadBytes) {
            // a key this long is poison too (it can never be a RAW record); kept whole, it would make the dead
            // letter too large as well: keep the full key's partition, and its first bytes as key and in the value
            partition = partitioner.partition(topic, key);
            letter = deadLetter.withKey(utf8Prefix(deadLetter.key(), maxPayloadBytes));
            key = letter.key().getBytes(UTF_8);
        }
        byte[] value = DeadLetterValue.encode(letter, maxPayloadBytes);
        return new ProducerRecord<>(
                topic, partition, deadLetter.failedAt().toEpochMilli(), key, value, headers.forDeadLetter(letter));
    }

    /** Kafka record timestamps are milliseconds since 1970, never negative. */
    private static long recordTimestamp(Instant eventTime) {
        if (eventTime.isBefore(Instant.EPOCH) || eventTime.getEpochSecond() > Long.MAX_VALUE / 1000 - 1) {
            throw new RejectedPayloadException(
                    "InvalidTimestamp",
                    "event_time " + Timestamps.format(eventTime)
                            + " cannot be a Kafka record timestamp (milliseconds since 1970-01-01T00:00:00Z)");
        }
        return eventTime.toEpochMilli();
    }

    /** The longest prefix of {@code text} whose UTF-8 encoding has at most {@code maxBytes} bytes (whole characters). */
    static String utf8Prefix(String text, int maxBytes) {
        ByteBuffer out = ByteBuffer.allocate(maxBytes);
        UTF_8.newEncoder().encode(CharBuffer.wrap(text), out, true);
        return new String(out.array(), 0, out.position(), UTF_8);
    }
}
