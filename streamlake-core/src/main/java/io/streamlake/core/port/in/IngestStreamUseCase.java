package io.streamlake.core.port.in;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.IngestionResult;
import java.util.Iterator;
import java.util.function.Consumer;

/** Ingests a stream of events without holding it in memory. */
public interface IngestStreamUseCase {

    /**
     * Ingests every command the iterator yields, with a bounded number awaiting acknowledgement at once, and
     * returns when every one has its outcome. The iterator is read on the calling thread; each outcome is
     * given to {@code onResult} as it arrives (from a client I/O thread: keep it short, make it thread-safe).
     * An exception thrown by the iterator stops reading, waits for what is in flight, and is rethrown.
     *
     * <p>When an event fails with {@link io.streamlake.core.domain.PlatformUnavailableException} (the platform is
     * known to be unreachable, e.g. no broker answered for {@code outage.fail.after.ms}), reading stops too: the
     * events in flight get their outcomes (failed, mostly) and the method returns normally; the commands not read
     * are left in the iterator ({@code hasNext()} is then true), for the caller to count and keep for a re-run.
     */
    BatchSummary ingestAll(Iterator<IngestCommand> commands, Consumer<IngestionResult> onResult);
}
