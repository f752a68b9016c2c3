package io.streamlake.core.port.out;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetterPosition;
import io.streamlake.core.domain.RecordedDeadLetter;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * A dataset's dead letters as replays see them: the ones no earlier replay has handled, and a record of how far
 * replays got, kept per DLQ partition as the position of the first dead letter not handled yet.
 */
public interface DeadLetterBacklog {

    /**
     * Opens the DLQ of {@code dataset} for one replay; the caller closes what it returns.
     *
     * @param fromBeginning read every dead letter, ignoring (but still advancing) what earlier replays handled
     * @throws io.streamlake.core.domain.StreamLakeException when the DLQ or the record of replays cannot be read
     *     (retriable when the transport did not answer in time, fatal when the DLQ does not exist or access is refused)
     */
    Replay open(DatasetName dataset, boolean fromBeginning);

    /** One replay's view of the backlog. Not thread-safe: call every method on the thread that opened it. */
    interface Replay extends AutoCloseable {

        /** How many dead letters lie before the handled positions, so this replay skips them; 0 from the beginning. */
        long alreadyReplayed();

        /**
         * Reads the dead letters not handled yet, up to the DLQ's end as it was when the replay was opened, at most
         * {@code max}, handing each with its position to {@code sink} on the calling thread. The sink may call
         * {@link #commit}.
         *
         * @return how many were read
         * @throws io.streamlake.core.domain.StreamLakeException when the DLQ cannot be read (retriable or fatal)
         */
        long read(long max, BiConsumer<RecordedDeadLetter, DeadLetterPosition> sink);

        /**
         * Records that, in each partition named, every dead letter before the given position has been handled, so
         * the next replay starts there. Positions must not go backwards within one replay.
         *
         * @throws io.streamlake.core.domain.StreamLakeException when it cannot be recorded (retriable or fatal);
         *     what was not recorded is handled again by the next replay
         */
        void commit(Collection<DeadLetterPosition> firstNotHandled);

        @Override
        void close();
    }
}
