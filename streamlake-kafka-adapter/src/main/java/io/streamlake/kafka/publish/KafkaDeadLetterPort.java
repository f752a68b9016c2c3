package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.kafka.settings.KafkaFailures;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@link DeadLetterPort} on the shared producer: the dead letter goes to its DLQ topic
 * ({@link DeadLetter#deadLetterTopic()}) with the
 * original key (so, with equal partition counts, the same partition number as the key's RAW records; a key longer
 * than {@code dlq.payload.max.bytes} is cut to that many bytes, in the record key and the value's {@code key}, and the
 * record goes to the full key's partition), the
 * original headers plus {@code dlq_*}, the DLQ JSON as value, and the failure time as the record's timestamp
 * (so DLQ retention counts from when it was dead-lettered, not from an old event time).
 */
final class KafkaDeadLetterPort implements DeadLetterPort {

    private final ProducerChannel channel;
    private final HeaderMapper headers;
    private final int maxPayloadBytes;
    private final KafkaFailures failures;
    private final ProducerChannel.FailureMapping mapping;
    private final AtomicBoolean closed = new AtomicBoolean();

    KafkaDeadLetterPort(ProducerChannel channel, HeaderMapper headers, int maxPayloadBytes, KafkaFailures failures) {
        this.channel = channel;
        this.headers = headers;
        this.maxPayloadBytes = maxPayloadBytes;
        this.failures = failures;
        this.mapping = failures::forDeadLetter;
    }

    @Override
    public CompletableFuture<PublishReceipt> deadLetter(DeadLetter deadLetter) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new FatalStreamLakeException(
                    "the dead-letter port for Kafka at " + failures.bootstrapServers() + " is closed"));
        }
        String topic = deadLetter.deadLetterTopic();
        try {
            DeadLetter letter = deadLetter;
            byte[] key = deadLetter.key() == null ? null : deadLetter.key().getBytes(UTF_8);
            Integer partition = null;
            if (key != null && key.length > maxPayloadBytes) {
                // a key this long is poison too (it can never be a RAW record); kept whole, it would make the dead
                // letter too large as well: keep the full key's partition, and its first bytes as key and in the value
                partition = channel.partitionForKey(topic, key);
                letter = deadLetter.withKey(utf8Prefix(deadLetter.key(), maxPayloadBytes));
                key = letter.key().getBytes(UTF_8);
            }
            byte[] value = DeadLetterValue.encode(letter, maxPayloadBytes);
            return channel.send(
                    new ProducerRecord<>(
                            topic,
                            partition,
                            deadLetter.failedAt().toEpochMilli(),
                            key,
                            value,
                            headers.forDeadLetter(letter)),
                    mapping);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(mapping.map(topic, e));
        }
    }

    /** The longest prefix of {@code text} whose UTF-8 encoding has at most {@code maxBytes} bytes (whole characters). */
    static String utf8Prefix(String text, int maxBytes) {
        ByteBuffer out = ByteBuffer.allocate(maxBytes);
        UTF_8.newEncoder().encode(CharBuffer.wrap(text), out, true);
        return new String(out.array(), 0, out.position(), UTF_8);
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            channel.flush();
            channel.release();
        }
    }
}
