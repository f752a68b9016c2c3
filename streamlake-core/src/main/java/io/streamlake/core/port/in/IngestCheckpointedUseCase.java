package io.streamlake.core.port.in;

import io.streamlake.core.domain.CheckpointedSummary;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionResult;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Exactly-once ingestion of one file: events are published in chunks (at most N events or T ms each), and each
 * chunk's RAW records and dead letters are committed in one transaction together with the file's checkpoint, so a
 * {@code read_committed} consumer sees each chunk whole or not at all, and a run resumed from
 * {@link #lastCheckpoint()} neither loses nor repeats a line. One use case serves one file and one run at a time.
 */
public interface IngestCheckpointedUseCase extends AutoCloseable {

    /**
     * The checkpoint committed last for this file (by any earlier run), empty when none was.
     *
     * @throws io.streamlake.core.domain.StreamLakeException the checkpoints cannot be read
     */
    Optional<FileCheckpoint> lastCheckpoint();

    /**
     * Ingests every command the iterator yields, read on the calling thread, until it has no more or a transaction
     * cannot be committed. After each chunk, once every event of it has its outcome, {@code position} is asked where
     * the input stands (it must describe the input just after the last command taken) and that checkpoint is
     * committed with the chunk. The outcomes of a committed chunk are then given to {@code onCommitted}, on the
     * calling thread. A chunk with an event not acknowledged (a platform failure), or whose commit fails, is aborted
     * and reading stops: none of its records becomes visible. An exception thrown by the iterator aborts the open
     * chunk and is rethrown.
     */
    CheckpointedSummary ingestAll(
            Iterator<IngestCommand> commands, Supplier<FileCheckpoint> position, Consumer<IngestionResult> onCommitted);

    /** Aborts an open transaction and releases the connection. */
    @Override
    void close();
}
