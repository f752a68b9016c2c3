package io.streamlake.runtime;

import com.google.inject.Inject;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.port.in.IngestCheckpointedUseCase;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.port.out.IngestionMetrics;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadRules;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.core.service.CheckpointedIngestionService;
import io.streamlake.core.service.CommittedMetrics;
import io.streamlake.core.service.IngestionService;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.config.CoreConfig;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.transport.KafkaTransportProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exactly-once ingest of files ({@code delivery.guarantee=exactly-once} in {@code streamlake produce --file}), for
 * any caller: {@link #open} gives one file's {@link IngestCheckpointedUseCase}, on a transactional Kafka producer of
 * its own. Each chunk of {@code transaction.max.events} events or {@code transaction.max.ms} commits its RAW records
 * and dead letters together with the file's checkpoint on {@code <topic.prefix>.checkpoints}; a {@code read_committed}
 * consumer sees every line once, whatever stopped an earlier run, provided each new run starts from
 * {@link IngestCheckpointedUseCase#lastCheckpoint()}.
 *
 * <pre>{@code
 * try (IngestCheckpointedUseCase file = lake.exactlyOnceFiles().open(DatasetName.of("orders"), path)) {
 *     long from = file.lastCheckpoint().map(FileCheckpoint::offset).orElse(0L);
 *     ... read the file from `from`, then
 *     file.ingestAll(commands, () -> checkpointAfterLastLineRead, outcome -> ...);
 * }
 * }</pre>
 *
 * <p>Thread-safe; each use case it opens serves one run at a time.
 */
public final class ExactlyOnceFiles {

    private static final String TRANSACTION_TIMEOUT_MS = "transaction.timeout.ms";
    /** kafka-clients' default {@code transaction.timeout.ms}. */
    private static final long DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;

    private final Settings settings;
    private final IngestionSettings ingestion;
    private final PayloadParser parser;
    private final PayloadValidator validator;
    private final PayloadRules rules;
    private final PayloadSerializer serializer;
    private final IdGenerator ids;
    private final Clock clock;
    private final IngestionMetrics metrics;

    @Inject
    ExactlyOnceFiles(
            Settings settings,
            IngestionSettings ingestion,
            PayloadParser parser,
            PayloadValidator validator,
            PayloadRules rules,
            PayloadSerializer serializer,
            IdGenerator ids,
            Clock clock,
            IngestionMetrics metrics) {
        this.settings = settings;
        this.ingestion = ingestion;
        this.parser = parser;
        this.validator = validator;
        this.rules = rules;
        this.serializer = serializer;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * The checkpoint committed last for {@code file} in {@code dataset}, read without opening the file's ingest: no
     * transactional producer is created, so a run of the file in progress elsewhere is not fenced. It does not wait
     * for transactions open on the checkpoint topic, so a checkpoint committed behind one (a killed run's, open until
     * {@code transaction.timeout.ms}) is not seen. For deciding whether to take a file over (e.g. refusing to resume a
     * file that changed since its checkpoint) before {@link #open} does; continue from the opened use case's
     * {@link IngestCheckpointedUseCase#lastCheckpoint()}, which is read after the fencing. Empty when nothing was
     * committed for the file.
     *
     * @param file the file; its real path keys the checkpoints, as in {@link #open}
     * @throws UncheckedIOException the file does not exist or cannot be resolved
     * @throws InvalidSettingsException the transport is not {@code kafka}
     * @throws io.streamlake.core.domain.StreamLakeException the cluster did not answer in time (retriable) or refused
     *         (fatal: authorization on the checkpoint topic, a damaged checkpoint)
     */
    public Optional<FileCheckpoint> committedCheckpoint(DatasetName dataset, Path file) {
        Objects.requireNonNull(dataset, "dataset");
        requireKafkaTransport();
        return KafkaAdapter.committedCheckpoint(
                settings.config(KafkaAdapterConfig.class), ingestion.topics(), dataset, realPath(file));
    }

    /**
     * Opens the exactly-once ingest of {@code file} into {@code dataset}: checks the cluster, creates the checkpoint
     * topic when missing, and initializes the file's transactional producer, which fences any earlier run of the
     * same file and aborts its open transaction. Close it when done. Metrics count published and dead-lettered
     * events when their transaction commits (those of an aborted one never), failed events when they fail.
     *
     * @param file the file; its real path (symbolic links resolved), with the dataset, keys the checkpoints and the
     *        transactional.id, so one file reached by two names is one source
     * @throws UncheckedIOException the file does not exist or cannot be resolved
     * @throws InvalidSettingsException the transport is not {@code kafka}; {@code acks} is not {@code all};
     *         {@code enable.idempotence} is false; {@code transaction.max.ms} is not below
     *         {@code kafka.transaction.timeout.ms}
     * @throws io.streamlake.core.domain.StreamLakeException the cluster is unreachable (retriable) or refused
     *         (fatal: authentication, authorization on the transactional.id or the checkpoint topic)
     */
    public IngestCheckpointedUseCase open(DatasetName dataset, Path file) {
        Objects.requireNonNull(dataset, "dataset");
        requireKafkaTransport();
        CoreConfig core = settings.core();
        KafkaAdapterConfig kafka = settings.config(KafkaAdapterConfig.class);
        requireTransactionalSettings(kafka, core);
        String path = realPath(file);
        TransactionalOutput output = KafkaAdapter.openTransactional(
                kafka, ingestion.topics(), ingestion.deadLetterPayloadLimit(), dataset, path);
        CommittedMetrics committed = new CommittedMetrics(metrics);
        IngestionService staged = new IngestionService(
                ingestion,
                parser,
                validator,
                rules,
                serializer,
                output.publisher(),
                output.deadLetters(),
                ids,
                clock,
                committed);
        return new CheckpointedIngestionService(
                staged,
                output,
                core.transactionMaxEvents(),
                core.transactionMaxMs(),
                ingestion.maxInFlight(),
                committed);
    }

    private void requireKafkaTransport() {
        CoreConfig core = settings.core();
        if (!KafkaTransportProvider.NAME.equals(core.transport())) {
            throw new InvalidSettingsException("invalid configuration: " + CoreConfig.DELIVERY_GUARANTEE_CONFIG + "="
                    + CoreConfig.EXACTLY_ONCE + " needs " + CoreConfig.TRANSPORT_CONFIG + "=kafka, but "
                    + CoreConfig.TRANSPORT_CONFIG + "='" + core.transport() + "'");
        }
    }

    private static String realPath(Path file) {
        try {
            return file.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + file + ": " + e.getMessage(), e);
        }
    }

    /** The producer settings a transactional producer needs, checked before anything connects. */
    private static void requireTransactionalSettings(KafkaAdapterConfig kafka, CoreConfig core) {
        String eos = CoreConfig.DELIVERY_GUARANTEE_CONFIG + "=" + CoreConfig.EXACTLY_ONCE;
        Map<String, Object> producer = kafka.producerProperties();
        String acks =
                String.valueOf(producer.get(KafkaAdapterConfig.ACKS_CONFIG)).trim();
        if (!acks.equals("all") && !acks.equals("-1")) {
            throw new InvalidSettingsException("invalid configuration: " + eos + " needs "
                    + KafkaAdapterConfig.ACKS_CONFIG + "=all, but " + KafkaAdapterConfig.ACKS_CONFIG + "='" + acks
                    + "'");
        }
        if (!Boolean.parseBoolean(String.valueOf(producer.get(KafkaAdapterConfig.ENABLE_IDEMPOTENCE_CONFIG))
                .trim())) {
            throw new InvalidSettingsException("invalid configuration: " + eos + " needs "
                    + KafkaAdapterConfig.ENABLE_IDEMPOTENCE_CONFIG + "=true");
        }
        Object timeout = kafka.passthrough().get(TRANSACTION_TIMEOUT_MS);
        long timeoutMs = timeout == null
                ? DEFAULT_TRANSACTION_TIMEOUT_MS
                : Long.parseLong(timeout.toString().trim());
        if (core.transactionMaxMs() >= timeoutMs) {
            throw new InvalidSettingsException("invalid configuration: " + CoreConfig.TRANSACTION_MAX_MS_CONFIG + "="
                    + core.transactionMaxMs() + " must be below " + KafkaAdapterConfig.PASSTHROUGH_PREFIX
                    + TRANSACTION_TIMEOUT_MS + "=" + timeoutMs + ": the coordinator would abort each transaction "
                    + "before it commits");
        }
    }
}
