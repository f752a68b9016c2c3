package io.streamlake.core.port.out;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.RecordedDeadLetter;
import java.util.function.Consumer;

/** Reads dead letters back from a dataset's DLQ, for inspection and replay. */
public interface DeadLetterSource {

    /**
     * Reads the DLQ of {@code dataset} from its beginning up to its end as it was when the call began, at most
     * {@code max} dead letters, handing each to {@code sink} on the calling thread.
     *
     * @return how many were read
     * @throws io.streamlake.core.domain.StreamLakeException when the DLQ cannot be read (retriable or fatal)
     */
    long readAll(DatasetName dataset, long max, Consumer<RecordedDeadLetter> sink);
}
