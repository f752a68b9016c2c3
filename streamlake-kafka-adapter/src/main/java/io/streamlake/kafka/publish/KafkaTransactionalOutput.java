package io.streamlake.kafka.publish;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.StreamLakeException;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * {@link TransactionalOutput} on a transactional {@code KafkaProducer} of its own: the RAW publisher and the DLQ port
 * of the Kafka adapter on that producer, and the file's checkpoint as a record of the compacted checkpoint topic,
 * sent in the same transaction just before the commit. The producer's {@code transactional.id} is stable for a
 * topic prefix, dataset and file ({@link #transactionalId}), so opening the output again fences an earlier writer
 * and lets the transaction coordinator abort its open transaction ({@code initTransactions}). Checkpoints are read
 * back with {@code isolation.level=read_committed}.
 */
final class KafkaTransactionalOutput implements TransactionalOutput {

    private final Producer<byte[], byte[]> producer;
    private final ProducerChannel channel;
    private final KafkaEventPublisher publisher;
    private final KafkaDeadLetterPort deadLetters;
    private final KafkaAdapterConfig config;
    private final KafkaFailures failures;
    private final String transactionalId;
    private final String checkpointTopic;
    private final String path;
    private boolean open;
    private boolean closed;

    KafkaTransactionalOutput(
            Producer<byte[], byte[]> producer,
            KafkaAdapterConfig config,
            int deadLetterPayloadLimit,
            String transactionalId,
            String checkpointTopic,
            String path) {
        this.producer = producer;
        this.config = config;
        this.failures = KafkaFailures.of(config);
        this.transactionalId = transactionalId;
        this.checkpointTopic = checkpointTopic;
        this.path = path;
        HeaderMapper headers = new HeaderMapper(config.headersStyle());
        OutageBreaker breaker = new OutageBreaker(
                        config.outageFailAfterMs(),
                        config.bootstrapServers(),
                        new AdminProbe(config.adminProperties(), KafkaAdapter.probeTimeoutMs(config)),
                        System::nanoTime,
                        Clock.systemUTC())
                .start();
        this.channel = new ProducerChannel(producer, breaker, 2, config.maxBlockMs());
        this.publisher = new KafkaEventPublisher(channel, headers, failures);
        this.deadLetters = new KafkaDeadLetterPort(channel, headers, deadLetterPayloadLimit, failures);
    }

    /**
     * The {@code transactional.id} of a file's runs: {@code transactional.id.prefix}, the dataset, then 16 hex digits
     * of the SHA-256 of the topic prefix and the file's absolute path.
     */
    static String transactionalId(String idPrefix, String topicPrefix, DatasetName dataset, String path) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((topicPrefix + "\n" + path).getBytes(StandardCharsets.UTF_8));
            return idPrefix + dataset.value() + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    String transactionalId() {
        return transactionalId;
    }

    @Override
    public EventPublisher publisher() {
        return publisher;
    }

    @Override
    public DeadLetterPort deadLetters() {
        return deadLetters;
    }

    @Override
    public synchronized void begin() {
        try {
            producer.beginTransaction();
        } catch (KafkaException e) {
            throw failure("beginning a transaction", e);
        }
        open = true;
    }

    @Override
    public synchronized void commit(FileCheckpoint checkpoint) {
        if (!open) {
            throw new IllegalStateException("no open transaction");
        }
        CompletableFuture<PublishReceipt> written = channel.send(
                new ProducerRecord<>(
                        checkpointTopic,
                        null,
                        CheckpointRecords.key(checkpoint.path()),
                        CheckpointRecords.value(checkpoint)),
                (topic, error) -> failure("the checkpoint on " + topic, error));
        if (written.isCompletedExceptionally()) {
            // refused before it reached the producer (the outage breaker is open): committing now would make the
            // chunk visible without its checkpoint, and a resumed run would publish it again
            throw failure("the checkpoint on " + checkpointTopic, cause(written));
        }
        try {
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw failure("committing the transaction", e);
        }
        open = false;
        try {
            written.join();
        } catch (CompletionException e) {
            // cannot happen after a successful commit (the commit flushes and fails when a send of it failed)
            throw failure("the checkpoint", e.getCause());
        }
    }

    @Override
    public synchronized void abort() {
        if (!open) {
            return;
        }
        open = false;
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            // fenced or fatal: the coordinator aborts the transaction when the next run of this file opens its
            // output, or after transaction.timeout.ms; none of its records becomes visible to read_committed readers
        }
    }

    @Override
    public Optional<FileCheckpoint> lastCheckpoint() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                config.getString(KafkaAdapterConfig.CLIENT_ID_CONFIG) + "-checkpoints");
        config.passthrough().forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.toString().toLowerCase(java.util.Locale.ROOT));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Duration timeout = Duration.ofMillis(config.maxBlockMs());
        byte[] key = CheckpointRecords.key(path);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(checkpointTopic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                throw new FatalStreamLakeException("checkpoint topic " + checkpointTopic + " does not exist");
            }
            TopicPartition partition =
                    new TopicPartition(checkpointTopic, Utils.toPositive(Utils.murmur2(key)) % partitions.size());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            FileCheckpoint last = null;
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new RetriableStreamLakeException("Kafka at " + config.bootstrapServers()
                            + " did not deliver the checkpoints of " + path + " on " + checkpointTopic + " within "
                            + timeout.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && java.util.Arrays.equals(r.key(), key)) {
                        last = CheckpointRecords.parse(r.value());
                    }
                }
            }
            return Optional.ofNullable(last);
        } catch (KafkaException e) {
            throw failures.platform("reading the checkpoints of " + path + " on " + checkpointTopic, e);
        } catch (IllegalArgumentException e) {
            throw new FatalStreamLakeException(
                    "a checkpoint of " + path + " on " + checkpointTopic + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code e} or one of its causes says a newer producer of the same transactional.id took over. */
    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable cause(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("the future did not fail");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private StreamLakeException failure(String what, Throwable e) {
        if (fenced(e)) {
            return new FatalStreamLakeException(
                    "another run of " + path + " started, or this run's transaction outlived "
                            + "transaction.timeout.ms (transactional.id " + transactionalId
                            + "): this one is fenced and cannot commit " + what,
                    e);
        }
        return failures.platform(what + " (transactional.id " + transactionalId + ")", e);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        abort();
        publisher.close();
        deadLetters.close();
    }
}
