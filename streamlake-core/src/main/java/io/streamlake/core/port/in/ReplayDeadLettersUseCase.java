package io.streamlake.core.port.in;

import io.streamlake.core.domain.ReplayOutcome;
import io.streamlake.core.domain.ReplaySummary;
import java.util.function.Consumer;

/** Re-validates a dataset's dead letters with the current catalog and publishes those that now pass. */
public interface ReplayDeadLettersUseCase {

    /**
     * Reads the dataset's dead letters that no earlier replay handled (all of them with
     * {@link ReplayCommand#fromBeginning()}), at most {@link ReplayCommand#max()}, re-validates each against the
     * dataset's latest schema, and ingests the ones that pass with their original key, event time, attributes and
     * ingestion id (so consumers de-duplicate one replayed twice). Those that still fail stay where they are.
     *
     * <p>A dead letter counts as handled once its outcome is known: republished, dead-lettered again, or left in
     * the DLQ because it still fails. Handled dead letters are remembered, in DLQ order per partition, as they
     * complete and at the end; one whose republishing failed (the platform's failure) and everything after it in
     * its partition are not, so the next replay handles them again. {@code onOutcome} is called once per dead
     * letter read, possibly from other threads.
     *
     * @throws io.streamlake.core.domain.StreamLakeException when the DLQ cannot be read or what was handled cannot
     *     be recorded (retriable when the transport did not answer in time, fatal otherwise)
     */
    ReplaySummary replay(ReplayCommand command, Consumer<ReplayOutcome> onOutcome);
}
