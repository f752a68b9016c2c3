package io.streamlake.runtime;

import com.google.inject.Injector;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestEventUseCase;
import io.streamlake.core.port.in.IngestStreamUseCase;
import io.streamlake.core.port.in.ReplayDeadLettersUseCase;
import io.streamlake.runtime.config.Settings;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A running StreamLake for teams that do not use Guice: made by {@link #builder()}, it offers
 * {@link #produce(String, String, String, String)} (one event, key, payload, dataset, schema version) and the core's
 * use cases, and releases its connections on {@link #close()}. Thread-safe; create one per process and share it.
 */
public final class StreamLake implements AutoCloseable {

    private final Injector injector;

    StreamLake(Injector injector) {
        this.injector = injector;
    }

    /** A builder with StreamLake's defaults; nothing is read from files or the environment unless asked. */
    public static StreamLakeBuilder builder() {
        return new StreamLakeBuilder();
    }

    /**
     * Ingests one event and waits for its outcome: to the dataset's RAW topic when it is valid, to its DLQ when it is
     * bad data.
     *
     * @param schemaVersion {@code v1}, {@code v2}, …; null means the dataset's latest
     * @return {@link IngestionResult.Published}, {@link IngestionResult.DeadLettered}, or
     *         {@link IngestionResult.Failed} when the platform could not get it acknowledged (never thrown)
     * @throws IllegalArgumentException for an invalid dataset name or version text
     */
    public IngestionResult produce(String key, String payload, String dataset, String schemaVersion) {
        return produceAsync(key, payload, dataset, schemaVersion).join();
    }

    /** Like {@link #produce} without waiting; the future completes on the acknowledgement. */
    public CompletableFuture<IngestionResult> produceAsync(
            String key, String payload, String dataset, String schemaVersion) {
        IngestCommand command =
                IngestCommand.of(DatasetName.of(dataset), key, payload.getBytes(StandardCharsets.UTF_8));
        if (schemaVersion != null) {
            command = command.withSchemaVersion(SchemaVersion.parse(schemaVersion));
        }
        return ingestEvent().ingest(command);
    }

    public IngestEventUseCase ingestEvent() {
        return injector.getInstance(IngestEventUseCase.class);
    }

    public IngestStreamUseCase ingestStream() {
        return injector.getInstance(IngestStreamUseCase.class);
    }

    /**
     * Exactly-once ingest of files: each opens one file's transactional ingest, whose chunks commit with the file's
     * checkpoint ({@code delivery.guarantee=exactly-once}); needs {@code transport=kafka}.
     */
    public ExactlyOnceFiles exactlyOnceFiles() {
        return injector.getInstance(ExactlyOnceFiles.class);
    }

    /** DLQ replay; needs a transport that reads dead letters back ({@code kafka}). */
    public ReplayDeadLettersUseCase replay() {
        return injector.getInstance(ReplayDeadLettersUseCase.class);
    }

    public Settings settings() {
        return injector.getInstance(Settings.class);
    }

    /** The injector, for anything else bound (e.g. the {@code SchemaRegistryClient}). */
    public Injector injector() {
        return injector;
    }

    /** Flushes and waits for every outstanding acknowledgement, then closes connections. Idempotent. */
    @Override
    public void close() {
        injector.getInstance(Lifecycle.class).close();
    }
}
