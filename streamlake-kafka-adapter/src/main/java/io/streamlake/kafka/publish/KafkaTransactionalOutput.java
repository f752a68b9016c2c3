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
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * {@link TransactionalOutput} on a transactional {@code KafkaProducer} of its own: the RAW publisher and the DLQ port
 * of the Kafka adapter on that producer, and the file's checkpoint as a record of the compacted checkpoint topic,
 * sent in the same transaction just before the commit, keyed by dataset and path ({@link CheckpointRecords}) to an
 * explicit partition. The producer's {@code transactional.id} is stable for a
 * topic prefix, dataset and file ({@link #transactionalId}), so opening the output again fences an earlier writer
 * and lets the transaction coordinator abort its open transaction ({@code initTransactions}). Checkpoints are read
 * back with {@code isolation.level=read_committed}.
 *
 * <p>A record the producer or the broker would refuse as too large is refused before it is sent
 * ({@link RecordSizeCheck}): a RAW record then fails with {@code RejectedPayloadException("RecordTooLarge")} and is
 * dead-lettered inside the open transaction, as in at-least-once mode; sent, the producer's or the broker's refusal
 * would abort the whole transaction instead.
 */
final class KafkaTransactionalOutput implements TransactionalOutput {

    /**
     * How long closing waits for the producer. After a commit or an abort nothing it holds matters; a transaction left
     * open (the cluster away) is aborted by the next run's {@code initTransactions} or after
     * {@code transaction.timeout.ms}, so waiting longer would only keep the process from ending during an outage.
     */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** How the failure of a commit whose outcome is unknown begins. */
    static final String COMMIT_OUTCOME_UNKNOWN = TransactionalOutput.COMMIT_OUTCOME_UNKNOWN;

    private final Producer<byte[], byte[]> producer;
    private final ProducerChannel channel;
    private final KafkaEventPublisher publisher;
    private final KafkaDeadLetterPort deadLetters;
    private final KafkaAdapterConfig config;
    private final KafkaFailures failures;
    private final String transactionalId;
    private final String checkpointTopic;
    private final DatasetName dataset;
    private final String path;
    private final int checkpointPartition;
    private boolean open;
    private boolean closed;

    KafkaTransactionalOutput(
            Producer<byte[], byte[]> producer,
            KafkaAdapterConfig config,
            int deadLetterPayloadLimit,
            String transactionalId,
            String checkpointTopic,
            DatasetName dataset,
            String path,
            int checkpointPartitions,
            RecordSizeCheck sizeCheck) {
        this.producer = producer;
        this.config = config;
        this.failures = KafkaFailures.of(config);
        this.transactionalId = transactionalId;
        this.checkpointTopic = checkpointTopic;
        this.dataset = dataset;
        this.path = path;
        this.checkpointPartition =
                CheckpointRecords.partition(CheckpointRecords.key(dataset, path), checkpointPartitions);
        KafkaRecords records = new KafkaRecords(new HeaderMapper(config.headersStyle()), deadLetterPayloadLimit);
        OutageBreaker breaker = new OutageBreaker(
                        config.outageFailAfterMs(),
                        config.bootstrapServers(),
                        new AdminProbe(config.adminProperties(), KafkaAdapter.probeTimeoutMs(config)),
                        System::nanoTime,
                        Clock.systemUTC())
                .start();
        this.channel = new ProducerChannel(producer, breaker, 2, config.maxBlockMs(), sizeCheck, CLOSE_TIMEOUT);
        this.publisher = new KafkaEventPublisher(channel, records, failures);
        this.deadLetters = new KafkaDeadLetterPort(channel, records, failures);
    }

    /**
     * The {@code transactional.id} of a file's runs: {@code transactional.id.prefix}, the dataset, then 16 hex digits
     * of the SHA-256 of the topic prefix and the file's real path.
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

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException {@code checkpoint} is of another file than this output's
     */
    @Override
    public synchronized void commit(FileCheckpoint checkpoint) {
        if (!open) {
            throw new IllegalStateException("no open transaction");
        }
        if (!checkpoint.path().equals(path)) {
            throw new IllegalArgumentException(
                    "the checkpoint of " + checkpoint.path() + " does not belong to the output of " + path);
        }
        CompletableFuture<PublishReceipt> written = channel.send(
                new ProducerRecord<>(
                        checkpointTopic,
                        checkpointPartition,
                        CheckpointRecords.key(dataset, path),
                        CheckpointRecords.value(dataset, checkpoint)),
                (topic, error) -> failure("the checkpoint on " + topic, error));
        if (written.isCompletedExceptionally()) {
            // refused before it reached the producer (the outage breaker is open): committing now would make the
            // chunk visible without its checkpoint, and a resumed run would publish it again
            throw failure("the checkpoint on " + checkpointTopic, cause(written));
        }
        commitWithRetries();
        open = false;
        try {
            written.join();
        } catch (CompletionException e) {
            // cannot happen after a successful commit (the commit flushes and fails when a send of it failed)
            throw failure("the checkpoint", e.getCause());
        }
    }

    /**
     * {@code commitTransaction}, called again after a time-out (as kafka-clients allows) for up to
     * {@code max.block.ms} more, unless no broker answers (the outage breaker is open). When it still times out, the
     * commit may yet complete at the coordinator: the outcome is unknown, reported as such, and the transaction is not
     * aborted ({@code abortTransaction} would be refused). A resumed run is consistent either way: it continues from
     * whichever checkpoint was committed.
     */
    private void commitWithRetries() {
        long deadline = System.nanoTime() + config.maxBlockMs() * 1_000_000L;
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() - deadline >= 0 || channel.outage()) {
                    open = false;
                    throw new RetriableStreamLakeException(
                            COMMIT_OUTCOME_UNKNOWN + ": the commit of transactional.id " + transactionalId
                                    + " did not complete in time (" + e.getMessage()
                                    + "); --resume continues from whichever checkpoint was committed",
                            e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    open = false;
                    throw new RetriableStreamLakeException(
                            COMMIT_OUTCOME_UNKNOWN + ": interrupted while retrying the commit", interrupted);
                }
            } catch (KafkaException | IllegalStateException e) {
                if (channel.closedForOutage()) {
                    // the outage breaker closed the producer during the commit: its EndTxn may have reached the
                    // coordinator before the cluster went silent
                    open = false;
                    throw new RetriableStreamLakeException(
                            COMMIT_OUTCOME_UNKNOWN + ": no broker answered during the commit of transactional.id "
                                    + transactionalId + " (" + KafkaAdapterConfig.OUTAGE_FAIL_AFTER_MS_CONFIG
                                    + " passed) and the producer was closed; --resume continues from whichever"
                                    + " checkpoint was committed",
                            e);
                }
                if (e instanceof IllegalStateException) {
                    throw e;
                }
                throw failure("committing the transaction", e);
            }
        }
    }

    @Override
    public synchronized void abort() {
        if (!open) {
            return;
        }
        open = false;
        if (channel.outage() || channel.closedForOutage()) {
            // no broker answers: abortTransaction would wait max.block.ms for the coordinator in vain; the
            // transaction is aborted by the next run of this file, or after transaction.timeout.ms
            return;
        }
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            // fenced or fatal: the coordinator aborts the transaction when the next run of this file opens its
            // output, or after transaction.timeout.ms; none of its records becomes visible to read_committed readers
        }
    }

    @Override
    public Optional<FileCheckpoint> lastCheckpoint() {
        return new CheckpointReader(config, checkpointTopic).last(dataset, path);
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
