package io.streamlake.kafka.publish;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.kafka.settings.KafkaFailures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@link EventPublisher} on the shared producer: one record per event to its RAW topic, the key's UTF-8 bytes
 * for Kafka's own partitioner, the metadata as headers, the event time as the record's timestamp (CreateTime); the
 * record is {@link KafkaRecords#raw}.
 */
final class KafkaEventPublisher implements EventPublisher {

    private final ProducerChannel channel;
    private final KafkaRecords records;
    private final KafkaFailures failures;
    private final ProducerChannel.FailureMapping mapping;
    private final AtomicBoolean closed = new AtomicBoolean();

    KafkaEventPublisher(ProducerChannel channel, KafkaRecords records, KafkaFailures failures) {
        this.channel = channel;
        this.records = records;
        this.failures = failures;
        this.mapping = failures::forEvent;
    }

    @Override
    public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
        CompletableFuture<PublishReceipt> future = new CompletableFuture<>();
        publish(event, ProducerChannel.completing(future));
        return future;
    }

    /** Reports from the producer's own callback, without a future per event; see {@link ProducerChannel}. */
    @Override
    public void publish(OutboundEvent event, BiConsumer<PublishReceipt, Throwable> onDone) {
        if (closed.get()) {
            onDone.accept(
                    null,
                    new FatalStreamLakeException(
                            "the event publisher for Kafka at " + failures.bootstrapServers() + " is closed"));
            return;
        }
        ProducerRecord<byte[], byte[]> record;
        try {
            record = records.raw(event);
        } catch (RuntimeException e) {
            onDone.accept(null, e instanceof RejectedPayloadException ? e : mapping.map(event.topic(), e));
            return;
        }
        channel.send(record, mapping, onDone);
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
