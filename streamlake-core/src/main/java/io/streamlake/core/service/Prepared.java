package io.streamlake.core.service;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.EventRef;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.PreparedEvent;
import java.util.Optional;

/** What {@link IngestionService#prepare} decided for one event; {@link IngestionService#dispatch} carries it out. */
sealed interface Prepared extends PreparedEvent {

    /** {@link System#nanoTime()} when preparation started (the latency metric counts from there). */
    long startedNanos();

    /**
     * Good data: a record for the RAW topic. {@code source} is the event's file and line even when its RAW metadata
     * leaves it out, so a record the broker refuses is dead-lettered with it.
     */
    record ToRaw(
            EventRef ref, OutboundEvent event, SchemaVersion version, Optional<EventSource> source, long startedNanos)
            implements Prepared {}

    /** Bad data: a record for the DLQ topic. */
    record ToDeadLetter(EventRef ref, DeadLetter letter, long startedNanos) implements Prepared {}

    /** The platform failed while preparing (e.g. the registry could not be reached): nothing to send. */
    record NotPrepared(IngestionResult.Failed failed, long startedNanos) implements Prepared {
        @Override
        public EventRef ref() {
            return failed.ref();
        }
    }
}
