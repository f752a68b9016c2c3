package io.streamlake.core.port.in;

import io.streamlake.core.domain.IngestionResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link IngestEventUseCase} in two stages, so a stream can prepare events on several threads and still hand them
 * to the transport in input order (which keeps each key's order):
 * <ol>
 *   <li>{@link #prepare}: parse, find the key, validate, apply the data-contract rules, serialize. CPU work, no call to the broker (a serializer
 *       may call the schema registry the first time it sees a schema). Thread-safe: any number of threads may
 *       prepare at once.</li>
 *   <li>{@link #dispatch}: send to the RAW topic, or the dead letter to the DLQ. Events reach the transport in
 *       the order {@code dispatch} is called; callers that need per-key order call it from one thread at a time,
 *       in input order.</li>
 * </ol>
 * {@code ingest(command)} is {@code dispatch(prepare(command))}.
 */
public interface StagedIngestUseCase extends IngestEventUseCase {

    /**
     * Prepares one event. Never throws for bad data or a platform failure: those are carried in the result and
     * come out of {@link #dispatch} as {@code DeadLettered} or {@code Failed}.
     */
    PreparedEvent prepare(IngestCommand command);

    /**
     * Hands a prepared event to the transport. The future completes as {@link #ingest}'s does, never exceptionally.
     *
     * @throws IllegalArgumentException when {@code event} was not made by this use case's {@link #prepare}
     */
    CompletableFuture<IngestionResult> dispatch(PreparedEvent event);

    /**
     * Hands a prepared event to the transport, as {@link #dispatch(PreparedEvent)}, and reports its outcome to
     * {@code onOutcome} instead of a future: exactly once, on a transport thread or on the calling thread.
     * {@code onOutcome} must not block. A stream calls this once per event; implementations may override it to skip
     * the future (the core's {@code IngestionService} does). The default completes through the future; should that
     * future break its contract and fail, {@code onOutcome} gets null (a stream counts it as failed), so the event
     * is still accounted for.
     *
     * @throws IllegalArgumentException when {@code event} was not made by this use case's {@link #prepare}; then
     *                                  {@code onOutcome} is not called
     */
    default void dispatch(PreparedEvent event, Consumer<IngestionResult> onOutcome) {
        dispatch(event).whenComplete((result, error) -> onOutcome.accept(error == null ? result : null));
    }

    @Override
    default CompletableFuture<IngestionResult> ingest(IngestCommand command) {
        return dispatch(prepare(command));
    }
}
