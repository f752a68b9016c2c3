package io.streamlake.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.DeadLetterPort;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@link DeadLetterPort} on the shared producer: the dead letter goes to its DLQ topic
 * ({@link DeadLetter#deadLetterTopic()}) with the
 * original key (so, with equal partition counts, the same partition number as the key's RAW records), the
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
            byte[] key = deadLetter.key() == null ? null : deadLetter.key().getBytes(UTF_8);
            byte[] value = DeadLetterValue.encode(deadLetter, maxPayloadBytes);
            return channel.send(new ProducerRecord<>(topic, null, deadLetter.failedAt().toEpochMilli(), key, value,
                    headers.forDeadLetter(deadLetter)), mapping);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(mapping.map(topic, e));
        }
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
