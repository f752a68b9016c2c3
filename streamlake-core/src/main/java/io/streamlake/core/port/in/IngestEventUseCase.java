package io.streamlake.core.port.in;

import io.streamlake.core.domain.IngestionResult;
import java.util.concurrent.CompletableFuture;

/** Ingests one event: to its RAW topic when it is good, to its DLQ when it is bad data. Thread-safe. */
public interface IngestEventUseCase {

    /**
     * Parses, validates, serializes and publishes one event. The future completes when the event's record
     * (RAW or DLQ) is acknowledged, or when it is known not to be; it never completes exceptionally: platform
     * failures are {@link IngestionResult.Failed} values, retriable or not.
     */
    CompletableFuture<IngestionResult> ingest(IngestCommand command);
}
