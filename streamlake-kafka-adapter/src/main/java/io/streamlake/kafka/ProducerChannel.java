package io.streamlake.kafka;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.PublishReceipt;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.utils.Utils;

/**
 * The one producer the event publisher and the dead-letter port share. A send's future completes only in the
 * producer's callback: on success there, on the producer's I/O thread; on failure on a separate thread, because
 * what follows a failure may be a new send (a dead letter), and a send from the I/O thread could wait for metadata
 * only that thread fetches. Nothing thrown by {@code send} escapes: it fails the future. The producer is closed
 * when the last of its users releases it. Thread-safe.
 */
final class ProducerChannel {

    /** Turns a client exception into what the future fails with. */
    @FunctionalInterface
    interface FailureMapping {
        Throwable map(String topic, Throwable error);
    }

    private final Producer<byte[], byte[]> producer;
    private final ExecutorService failureThread;
    private final AtomicInteger users;
    private volatile Thread failureThreadRef;
    private volatile boolean closed;

    ProducerChannel(Producer<byte[], byte[]> producer, int users) {
        this.producer = producer;
        this.users = new AtomicInteger(users);
        this.failureThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "streamlake-kafka-failures");
            t.setDaemon(true);
            failureThreadRef = t;
            return t;
        });
    }

    CompletableFuture<PublishReceipt> send(ProducerRecord<byte[], byte[]> record, FailureMapping mapping) {
        Ack ack = new Ack(record.topic(), mapping);
        try {
            producer.send(record, ack);
        } catch (RuntimeException e) {
            ack.completeExceptionally(mapping.map(record.topic(), e));
        }
        return ack;
    }

    /**
     * The partition Kafka's default partitioner gives {@code key} on {@code topic}: {@code toPositive(murmur2(key)) %
     * partitions}. May wait up to {@code max.block.ms} for the topic's metadata.
     */
    int partitionForKey(String topic, byte[] key) {
        return Utils.toPositive(Utils.murmur2(key)) % producer.partitionsFor(topic).size();
    }

    /** Blocks until every record sent so far is acknowledged or failed, and its future completed. */
    void flush() {
        if (closed) {
            return;
        }
        producer.flush();
        if (Thread.currentThread() != failureThreadRef) {
            try {
                failureThread.submit(() -> { }).get();
            } catch (RejectedExecutionException e) {
                // closed: every failure was already completed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("cannot happen: an empty task failed", e);
            }
        }
    }

    Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    /** One user is done; the last one closes the producer, waiting for every outstanding acknowledgement. */
    void release() {
        if (users.decrementAndGet() == 0) {
            closed = true;
            try {
                producer.close();
            } finally {
                failureThread.shutdown();
                try {
                    failureThread.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The future of one send, and its callback. */
    private final class Ack extends CompletableFuture<PublishReceipt> implements Callback {
        private final String topic;
        private final FailureMapping mapping;

        Ack(String topic, FailureMapping mapping) {
            this.topic = topic;
            this.mapping = mapping;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                acknowledged(metadata);
                return;
            }
            try {
                failureThread.execute(() -> completeExceptionally(mapping.map(topic, exception)));
            } catch (RejectedExecutionException closed) {
                completeExceptionally(mapping.map(topic, exception));
            }
        }

        private void acknowledged(RecordMetadata metadata) {
            try {
                complete(new PublishReceipt(metadata.topic(), metadata.partition(), metadata.offset(),
                        Instant.ofEpochMilli(metadata.timestamp())));
            } catch (RuntimeException e) {
                completeExceptionally(new FatalStreamLakeException("Kafka acknowledged a record for " + topic
                        + " without a usable receipt (partition " + metadata.partition() + ", offset "
                        + metadata.offset() + "): " + e.getMessage(), e));
            }
        }
    }
}
