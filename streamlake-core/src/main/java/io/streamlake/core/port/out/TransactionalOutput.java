package io.streamlake.core.port.out;

import io.streamlake.core.domain.FileCheckpoint;
import java.util.Optional;

/**
 * Where an exactly-once stream writes: a RAW publisher and a DLQ port whose records become visible (to
 * {@code read_committed} readers) only when the transaction they were sent in commits, together with a file's
 * checkpoint. One output serves one file source, from one thread at a time: {@link #begin()}, sends through
 * {@link #publisher()} and {@link #deadLetters()} (from any thread), then {@link #commit} or {@link #abort()}.
 *
 * <p>Opening the output (the adapter's job) ends any earlier writer of the same source: its open transaction is
 * aborted and it can no longer commit.
 */
public interface TransactionalOutput extends AutoCloseable {

    /**
     * How the message of a {@link #commit} failure begins when the commit may still complete (it timed out): its
     * records may or may not become visible, and no abort follows.
     */
    String COMMIT_OUTCOME_UNKNOWN = "commit outcome unknown";

    /** Publishes RAW records inside the open transaction. */
    EventPublisher publisher();

    /** Publishes dead letters inside the open transaction. */
    DeadLetterPort deadLetters();

    /**
     * The checkpoint committed last for this output's source, read as a {@code read_committed} consumer does.
     *
     * @throws io.streamlake.core.domain.StreamLakeException the checkpoints cannot be read (retriable or fatal)
     */
    Optional<FileCheckpoint> lastCheckpoint();

    /** Opens a transaction; the records sent from now on belong to it. */
    void begin();

    /**
     * Writes {@code checkpoint} and commits the open transaction: its records and the checkpoint become visible
     * together, or none of them. Every record sent in the transaction must have its outcome before this is called.
     *
     * @throws io.streamlake.core.domain.StreamLakeException the commit failed (retriable, e.g. the cluster refused it
     *         for now, or fatal, e.g. a newer writer fenced this one): the transaction is not committed, call
     *         {@link #abort()}; or, its message beginning with {@link #COMMIT_OUTCOME_UNKNOWN} (retriable), the
     *         commit timed out and may still complete: {@link #abort()} then does nothing
     */
    void commit(FileCheckpoint checkpoint);

    /** Aborts the open transaction, if any: none of its records become visible. Never throws. */
    void abort();

    /** Aborts an open transaction and releases the connection. */
    @Override
    void close();
}
