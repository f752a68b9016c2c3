package io.streamlake.runtime.records;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.kafka.publish.KafkaRecords;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An {@link EventPublisher} and a {@link DeadLetterPort} that send nothing: each builds the record the Kafka transport
 * would send ({@link KafkaRecords}) and keeps it for the thread that is preparing the event. The core's
 * {@code IngestionService.dispatch} calls them on the dispatching thread, so {@link RecordPreparer} finds the record in
 * its thread's {@link Capture} once {@code dispatch} returns.
 */
final class CapturingPorts {

    /** The record of the event the current thread is preparing. */
    static final class Capture {
        ProducerRecord<byte[], byte[]> record;
    }

    private final ThreadLocal<Capture> current = new ThreadLocal<>();
    private volatile KafkaRecords records;

    void use(KafkaRecords kafkaRecords) {
        this.records = kafkaRecords;
    }

    Capture begin() {
        Capture capture = new Capture();
        current.set(capture);
        return capture;
    }

    void end() {
        current.remove();
    }

    private Capture capture() {
        Capture capture = current.get();
        if (capture == null || records == null) {
            throw new IllegalStateException("records are captured only inside RecordPreparer.prepare");
        }
        return capture;
    }

    EventPublisher publisher() {
        return new EventPublisher() {
            @Override
            public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
                try {
                    Capture capture = capture();
                    ProducerRecord<byte[], byte[]> record = records.raw(event);
                    capture.record = record;
                    return CompletableFuture.completedFuture(placeholder(record));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    DeadLetterPort deadLetters() {
        return new DeadLetterPort() {
            @Override
            public CompletableFuture<PublishReceipt> deadLetter(DeadLetter deadLetter) {
                try {
                    Capture capture = capture();
                    ProducerRecord<byte[], byte[]> record = records.deadLetter(deadLetter, (topic, key) -> null);
                    capture.record = record;
                    return CompletableFuture.completedFuture(placeholder(record));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    /** Not acknowledged by any broker: partition and offset 0 until the host writes the record. */
    private static PublishReceipt placeholder(ProducerRecord<byte[], byte[]> record) {
        return new PublishReceipt(record.topic(), 0, 0, Instant.ofEpochMilli(record.timestamp()));
    }
}
