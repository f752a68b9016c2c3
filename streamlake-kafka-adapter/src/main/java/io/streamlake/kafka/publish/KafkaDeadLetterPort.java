package io.streamlake.kafka.publish;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.kafka.settings.KafkaFailures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link DeadLetterPort} on the shared producer: the dead letter goes to its DLQ topic
 * ({@link DeadLetter#deadLetterTopic()}) with the
 * original key (so, with equal partition counts, the same partition number as the key's RAW records; a key longer
 * than {@code dlq.payload.max.bytes} is cut to that many bytes, in the record key and the value's {@code key}, and the
 * record goes to the full key's partition), the
 * original headers plus {@code dlq_*}, the DLQ JSON as value, and the failure time as the record's timestamp
 * (so DLQ retention counts from when it was dead-lettered, not from an old event time); the record is
 * {@link KafkaRecords#deadLetter}.
 */
final class KafkaDeadLetterPort implements DeadLetterPort {

    private final ProducerChannel channel;
    private final KafkaRecords records;
    private final KafkaFailures failures;
    private final ProducerChannel.FailureMapping mapping;
    private final AtomicBoolean closed = new AtomicBoolean();

    KafkaDeadLetterPort(ProducerChannel channel, KafkaRecords records, KafkaFailures failures) {
        this.channel = channel;
        this.records = records;
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
            return channel.send(records.deadLetter(deadLetter, channel::partitionForKey), mapping);
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
