package io.streamlake.core.port.in;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.ReplayOutcome;
import io.streamlake.core.domain.ReplaySummary;
import java.util.function.Consumer;

/** Re-validates a dataset's dead letters with the current catalog and publishes those that now pass. */
public interface ReplayDeadLettersUseCase {

    /**
     * Reads the dataset's DLQ (at most {@code max} dead letters), re-validates each against the dataset's
     * latest schema, and ingests the ones that pass with their original key, event time, attributes and
     * ingestion id (so consumers de-duplicate a replay run twice). Those that still fail stay where they are.
     *
     * @throws io.streamlake.core.domain.StreamLakeException when the DLQ cannot be read
     */
    ReplaySummary replay(DatasetName dataset, long max, Consumer<ReplayOutcome> onOutcome);
}
