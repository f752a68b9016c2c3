package io.streamlake.kafka.publish;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.kafka.provision.ClusterCheck;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The Kafka transport: the {@link EventPublisher} and the {@link DeadLetterPort} on one shared
 * {@code KafkaProducer}, and a {@link TopicProvisioner} on the same cluster.
 *
 * <p>Delivery: at least once with per-key order ({@code acks=all}, idempotence, at most 5 requests in
 * flight). Every future completes only in the producer's acknowledgement callback: success carries the
 * topic, partition and offset; a record the broker refuses for its content (too large, invalid timestamp)
 * fails the RAW future with {@code RejectedPayloadException} (the core dead-letters the event); outages fail
 * it with {@code RetriableStreamLakeException} (time-outs, unreachable or moving leaders) or
 * {@code FatalStreamLakeException} (authentication, authorization, other non-retriable errors), both naming the
 * bootstrap servers. Nothing is thrown from {@code publish}/{@code deadLetter} themselves.
 *
 * <p>Blocking: like {@code KafkaProducer.send}, {@code publish} and {@code deadLetter} may block the caller for
 * up to {@code max.block.ms} (kafka-clients' default 60 s; set {@code kafka.max.block.ms} to bound it) while the
 * topic's metadata is unknown or the producer's buffer is full; the future then fails retriable. After a metadata
 * wait for a topic timed out although the cluster answered during it (the topic does not exist), sends to it fail
 * at once for the next {@code max.block.ms} instead of each waiting again.
 *
 * <p>Outages: when records are outstanding and no broker has answered for {@code outage.fail.after.ms} (default
 * 30 s), {@code publish} and {@code deadLetter} fail at once with a
 * {@link io.streamlake.core.domain.PlatformUnavailableException} (retriable; "cluster unreachable since …, bootstrap
 * servers …") until a describe-cluster probe, repeated while the outage lasts, gets an answer. Records already sent
 * keep their outcome (acknowledged, or failed after {@code delivery.timeout.ms}). The core's stream stops reading on
 * that failure.
 *
 * <p>Threading: everything is thread-safe. Successful futures complete on the producer's I/O thread (keep
 * continuations short, never block in them); failed ones on a separate adapter thread.
 */
public final class KafkaAdapter implements AutoCloseable {

    private final KafkaAdapterConfig config;
    private final TopicNaming naming;
    private final ProducerChannel channel;
    private final KafkaEventPublisher publisher;
    private final KafkaDeadLetterPort deadLetters;
    private TopicProvisioner provisioner;

    private KafkaAdapter(
            KafkaAdapterConfig config,
            TopicNaming naming,
            int deadLetterPayloadLimit,
            Producer<byte[], byte[]> producer) {
        this.config = config;
        this.naming = naming;
        KafkaFailures failures = KafkaFailures.of(config);
        KafkaRecords records = new KafkaRecords(new HeaderMapper(config.headersStyle()), deadLetterPayloadLimit);
        OutageBreaker breaker = new OutageBreaker(
                        config.outageFailAfterMs(),
                        config.bootstrapServers(),
                        new AdminProbe(config.adminProperties(), probeTimeoutMs(config)),
                        System::nanoTime,
                        Clock.systemUTC())
                .start();
        this.channel = new ProducerChannel(producer, breaker, 2, config.maxBlockMs());
        this.publisher = new KafkaEventPublisher(channel, records, failures);
        this.deadLetters = new KafkaDeadLetterPort(channel, records, failures);
    }

    /** One probe of the outage breaker waits at most {@code outage.fail.after.ms}, between 1 and 10 s. */
    static int probeTimeoutMs(KafkaAdapterConfig config) {
        return (int) Math.max(1_000, Math.min(10_000, config.outageFailAfterMs()));
    }

    /**
     * Checks that the cluster answers within {@code connect.check.timeout.ms}, then builds the shared producer.
     *
     * @throws io.streamlake.core.domain.RetriableStreamLakeException the cluster is not reachable in time (the
     *         message names the bootstrap servers and the time-out)
     * @throws FatalStreamLakeException authentication or authorization refused (naming mechanism and principal,
     *         never a secret), or kafka-clients refused the settings
     */
    public static KafkaAdapter create(KafkaAdapterConfig config, TopicNaming naming, int deadLetterPayloadLimit) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(naming, "naming");
        ClusterCheck.verify(config, KafkaFailures.of(config));
        Producer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(config.producerProperties());
        } catch (KafkaException e) {
            throw new FatalStreamLakeException(
                    "cannot create a Kafka producer for " + config.bootstrapServers() + ": " + e.getMessage()
                            + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()),
                    e);
        }
        return new KafkaAdapter(config, naming, deadLetterPayloadLimit, producer);
    }

    /** As {@link #create(KafkaAdapterConfig, TopicNaming, int)}, dead letters keeping the core's default payload limit. */
    public static KafkaAdapter create(KafkaAdapterConfig config, TopicNaming naming) {
        return create(config, naming, IngestionSettings.DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT);
    }

    /**
     * Same as {@link #create(KafkaAdapterConfig, TopicNaming)} from raw settings.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key of an unknown, invalid or unsafe setting
     */
    public static KafkaAdapter create(Map<String, ?> settings, TopicNaming naming) {
        return create(new KafkaAdapterConfig(settings), naming);
    }

    /**
     * The checkpoint committed last for one file's exactly-once runs as far as the checkpoint topic
     * ({@link TopicNaming#checkpoints()}) can be read now with {@code isolation.level=read_committed}, and nothing
     * else: no producer is created, so no run of the file is fenced, and no topic is created. It does not wait for
     * transactions open on the topic (a killed run's stays open until {@code transaction.timeout.ms}), so a checkpoint
     * committed behind one is not seen. Empty when the topic or the file's checkpoint does not exist. For checking a
     * file before {@link #openTransactional} takes its runs over; the output's own
     * {@link TransactionalOutput#lastCheckpoint()} is the one to continue from.
     *
     * @param path the file's real path, as given to {@link #openTransactional}
     * @throws io.streamlake.core.domain.RetriableStreamLakeException the cluster did not answer in time (checked first,
     *         as {@link #openTransactional} checks it)
     * @throws FatalStreamLakeException authentication or authorization refused (the cluster, the checkpoint topic),
     *         or the checkpoint is damaged
     */
    public static Optional<FileCheckpoint> committedCheckpoint(
            KafkaAdapterConfig config, TopicNaming naming, DatasetName dataset, String path) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(naming, "naming");
        ClusterCheck.verify(config, KafkaFailures.of(config)); // fails fast, as opening does, when nobody answers
        return new CheckpointReader(config, naming.checkpoints()).lastStable(dataset, path);
    }

    /**
     * Opens the exactly-once output of one file ({@code delivery.guarantee=exactly-once}): checks that the cluster
     * answers, creates the compacted checkpoint topic ({@link TopicNaming#checkpoints()}) when it is missing (an
     * existing one that does not compact is refused), then
     * creates a transactional producer whose {@code transactional.id} is stable for this topic prefix, dataset and
     * file, and initializes it, which fences an earlier run of the same file and aborts its open transaction. Reads
     * {@code max.message.bytes} of the dataset's RAW and DLQ topics and the checkpoint topic (the broker default when
     * describeConfigs is not permitted), so that a record too large for them is refused before it is sent and a RAW
     * one dead-lettered inside the transaction, as in at-least-once mode; a dead letter keeps at most as many payload
     * bytes as fit the DLQ topic ({@link #fittingPayload}). Close the output when done.
     *
     * @param path the file's real path: with the dataset, the checkpoint's key and part of the transactional.id
     * @throws io.streamlake.core.domain.RetriableStreamLakeException the cluster did not answer in time
     * @throws FatalStreamLakeException authentication or authorization refused (e.g. no WRITE on the
     *         transactional.id), kafka-clients refused the settings (e.g. idempotence off)
     */
    public static TransactionalOutput openTransactional(
            KafkaAdapterConfig config,
            TopicNaming naming,
            int deadLetterPayloadLimit,
            DatasetName dataset,
            String path) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(naming, "naming");
        KafkaFailures failures = KafkaFailures.of(config);
        ClusterCheck.verify(config, failures);
        String checkpoints;
        try (TopicProvisioner provisioner = TopicProvisioner.create(config, naming)) {
            checkpoints = provisioner.ensureCheckpointTopic();
        }
        String id = KafkaTransactionalOutput.transactionalId(
                config.transactionalIdPrefix(), naming.prefix(), dataset, path);
        Map<String, Object> props = config.producerProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        RecordSizeCheck sizes = RecordSizeCheck.read(
                props,
                config.adminProperties(),
                List.of(naming.raw(dataset), naming.deadLetter(dataset), checkpoints),
                probeTimeoutMs(config));
        Producer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(props);
        } catch (KafkaException e) {
            throw new FatalStreamLakeException(
                    "cannot create a transactional Kafka producer for " + config.bootstrapServers() + ": "
                            + e.getMessage()
                            + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()),
                    e);
        }
        int checkpointPartitions;
        try {
            checkpointPartitions = producer.partitionsFor(checkpoints).size();
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(java.time.Duration.ZERO);
            throw failures.platform("initializing transactional.id " + id, e);
        }
        int payloadLimit = Math.min(deadLetterPayloadLimit, fittingPayload(sizes.limit(naming.deadLetter(dataset))));
        return new KafkaTransactionalOutput(
                producer, config, payloadLimit, id, checkpoints, dataset, path, checkpointPartitions, sizes);
    }

    /** Bytes of a dead letter's value and headers besides its payload, as {@link #fittingPayload} reckons them. */
    static final int DEAD_LETTER_OVERHEAD = 16 * 1024;

    /**
     * The most payload bytes a dead letter may keep so that it fits a DLQ topic whose records may have
     * {@code limit} bytes: base64 grows the payload by a third, and {@value #DEAD_LETTER_OVERHEAD} bytes are left for
     * the rest of the value, the key and the headers; at least 1. A dead letter whose other parts are larger is still
     * refused. In a transaction, a dead letter the DLQ topic refuses would abort every
     * run of the file at the same line, so it keeps fewer payload bytes instead (flagged truncated, with the full
     * size and SHA-256).
     */
    static int fittingPayload(int limit) {
        return (int) Math.max(1, (limit - (long) DEAD_LETTER_OVERHEAD) * 3 / 4);
    }

    /** Builds the adapter on a given producer, without the connectivity check: for unit tests of the mapping. */
    static KafkaAdapter forProducer(
            KafkaAdapterConfig config,
            TopicNaming naming,
            int deadLetterPayloadLimit,
            Producer<byte[], byte[]> producer) {
        return new KafkaAdapter(config, naming, deadLetterPayloadLimit, producer);
    }

    /**
     * Publishes to RAW topics. Its {@code close()} flushes and refuses further events (failed futures); the shared
     * producer closes when both ports are closed, or with {@link #close()}.
     */
    public EventPublisher eventPublisher() {
        return publisher;
    }

    /** Publishes to DLQ topics, on the same producer; {@code close()} as for {@link #eventPublisher()}. */
    public DeadLetterPort deadLetterPort() {
        return deadLetters;
    }

    /** The topic provisioner on the same cluster, created on first use and closed with this adapter. */
    public synchronized TopicProvisioner topicProvisioner() {
        if (provisioner == null) {
            provisioner = TopicProvisioner.create(config, naming);
        }
        return provisioner;
    }

    /** kafka-clients' own producer metrics (record-send-rate, request-latency-avg, …), live. */
    public Map<MetricName, ? extends Metric> producerMetrics() {
        return channel.metrics();
    }

    public KafkaAdapterConfig config() {
        return config;
    }

    /** Blocks until every RAW and DLQ record sent so far is acknowledged or failed. */
    public void flush() {
        channel.flush();
    }

    /** Flushes, waits for every outstanding acknowledgement, then closes the producer and the provisioner. */
    @Override
    public void close() {
        publisher.close();
        deadLetters.close();
        synchronized (this) {
            if (provisioner != null) {
                provisioner.close();
                provisioner = null;
            }
        }
    }
}
