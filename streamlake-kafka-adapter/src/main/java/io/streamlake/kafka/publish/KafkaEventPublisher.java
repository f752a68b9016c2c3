package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.Timestamps;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.kafka.settings.KafkaFailures;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@link EventPublisher} on the shared producer: one record per event to its RAW topic, the key's UTF-8 bytes
 * for Kafka's own partitioner, the metadata as headers, the event time as the record's timestamp (CreateTime).
 */
final class KafkaEventPublisher implements EventPublisher {

    private final ProducerChannel channel;
    private final HeaderMapper headers;
    private final KafkaFailures failures;
    private final ProducerChannel.FailureMapping mapping;
    private final AtomicBoolean closed = new AtomicBoolean();

    KafkaEventPublisher(ProducerChannel channel, HeaderMapper headers, KafkaFailures failures) {
        this.channel = channel;
        this.headers = headers;
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
            EventMetadata metadata = event.metadata();
            long timestamp = recordTimestamp(metadata.eventTime());
            byte[] key = event.key() == null ? null : event.key().getBytes(UTF_8);
            record = new ProducerRecord<>(
                    event.topic(),
                    null,
                    timestamp,
                    key,
                    event.value().bytes(),
                    headers.forEvent(metadata, event.value().contentType()));
        } catch (RuntimeException e) {
            onDone.accept(null, e instanceof RejectedPayloadException ? e : mapping.map(event.topic(), e));
            return;
        }
        channel.send(record, mapping, onDone);
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
