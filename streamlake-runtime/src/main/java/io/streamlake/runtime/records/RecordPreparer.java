package io.streamlake.runtime.records;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.StagedIngestUseCase;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.kafka.publish.KafkaRecords;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.Injectors;
import io.streamlake.runtime.StreamLake;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.config.Settings;
import io.streamlake.schema.SchemaModule;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prepares events into the exact Kafka records {@code streamlake produce} (the {@code kafka} transport) would send,
 * without sending them: for a host that owns its own producer, such as a Kafka Connect worker. Each event runs the
 * core's prepare stage (parse, key, validate, serialize: JSON, or Avro in the Confluent wire format through the
 * registry) and then the Kafka transport's record building (topic, key bytes, headers in the configured
 * {@code headers.style}, value, timestamp); bad data comes out as the DLQ record, with the {@code dlq_*} headers and the
 * DLQ JSON value. Nothing is sent and no broker is contacted.
 *
 * <p>Settings are the keys of {@code docs/configuration.md} ({@code serialization}, {@code schema.registry.url},
 * {@code schema.catalog.dir}, {@code topic.prefix}, {@code headers.style}, {@code dlq.payload.max.bytes}, …); the Kafka
 * producer keys are accepted and unused.
 *
 * <p>Thread-safe: any number of threads may prepare at once. Close it to release the registry client.
 */
public final class RecordPreparer implements AutoCloseable {

    private final StreamLake lake;
    private final StagedIngestUseCase staged;
    private final CapturingPorts ports;

    private RecordPreparer(StreamLake lake, CapturingPorts ports) {
        this.lake = lake;
        this.ports = ports;
        this.staged = Injectors.unwrap(() -> lake.injector().getInstance(StagedIngestUseCase.class));
    }

    /**
     * A preparer on these settings; contacts no registry and no broker.
     *
     * @throws InvalidSettingsException naming the key of an unknown or invalid setting (fatal)
     */
    public static RecordPreparer create(Map<String, String> settings) {
        CapturingPorts ports = new CapturingPorts();
        StreamLake lake = StreamLake.builder()
                .settings(settings)
                .override(EventPublisher.class, ports.publisher())
                .override(DeadLetterPort.class, ports.deadLetters())
                .build();
        try {
            Settings loaded = lake.settings();
            KafkaAdapterConfig kafka = loaded.config(KafkaAdapterConfig.class);
            ports.use(KafkaRecords.of(
                    kafka.headersStyle(), loaded.core().ingestionSettings().deadLetterPayloadLimit()));
            return new RecordPreparer(lake, ports);
        } catch (RuntimeException e) {
            lake.close();
            throw e;
        }
    }

    /**
     * The start-up checks of {@code streamlake produce}: the dataset is in the schema catalog and, for Avro, the
     * registry answers and the dataset's version (empty: latest) is registered or checked under
     * {@code schema.registry.mode}.
     *
     * @throws InvalidSettingsException the dataset is not in the catalog (fatal)
     * @throws FatalStreamLakeException unknown version, refused credentials or an incompatible schema
     * @throws RetriableStreamLakeException the registry cannot be reached
     */
    public void checkReady(DatasetName dataset, Optional<SchemaVersion> version) {
        requireDataset(dataset);
        SchemaModule schemas = schemas();
        schemas.verifyRegistryReachable();
        if (version.isEmpty() || schemas.catalog().versions(dataset).contains(version.get())) {
            schemas.prepare(dataset, version);
        }
    }

    /**
     * The part of {@link #checkReady} that contacts nothing: the dataset is in the schema catalog.
     *
     * @throws InvalidSettingsException the dataset is not in the catalog (fatal), naming the known ones
     */
    public void requireDataset(DatasetName dataset) {
        SchemaModule schemas = schemas();
        if (!schemas.catalog().datasets().contains(dataset)) {
            throw new InvalidSettingsException("unknown dataset '" + dataset.value() + "' (known: "
                    + schemas.catalog().datasets().stream()
                            .map(DatasetName::value)
                            .sorted()
                            .toList() + ")");
        }
    }

    private SchemaModule schemas() {
        return Injectors.unwrap(() -> lake.injector().getInstance(SchemaModule.class));
    }

    /**
     * Prepares one event into its RAW record, or into its DLQ record when it is bad data.
     *
     * @throws RetriableStreamLakeException the platform failed (e.g. the registry could not be reached): the event
     *                                      is neither RAW nor dead letter; try it again later
     * @throws FatalStreamLakeException the platform refused for good (e.g. the registry refused the credentials)
     */
    public PreparedRecord prepare(IngestCommand command) {
        Objects.requireNonNull(command, "command");
        AtomicReference<IngestionResult> outcome = new AtomicReference<>();
        CapturingPorts.Capture capture = ports.begin();
        try {
            staged.dispatch(staged.prepare(command), outcome::set);
        } finally {
            ports.end();
        }
        IngestionResult result = outcome.get();
        if (result instanceof IngestionResult.Failed failed) {
            String message = "event of dataset " + command.dataset().value() + " not prepared: " + failed.reason();
            throw failed.retriable()
                    ? new RetriableStreamLakeException(message, failed.cause())
                    : new FatalStreamLakeException(message, failed.cause());
        }
        if (result == null || capture.record == null) {
            throw new IllegalStateException("the core reported no record for the event (outcome " + result + ")");
        }
        return new PreparedRecord(capture.record, result);
    }

    /** The effective settings. */
    public Settings settings() {
        return lake.settings();
    }

    /** Releases the registry client. Idempotent. */
    @Override
    public void close() {
        lake.close();
    }
}
