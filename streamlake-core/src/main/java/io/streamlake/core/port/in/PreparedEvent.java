package io.streamlake.core.port.in;

import io.streamlake.core.domain.EventRef;

/**
 * One event after {@link StagedIngestUseCase#prepare}: parsed, keyed, validated and serialized (or found to be
 * bad data, or failed), not yet handed to the transport. Opaque: only the use case that made it can dispatch it.
 * Immutable; safe to hand from the preparing thread to the dispatching one.
 */
public interface PreparedEvent {

    /** Which event this is. */
    EventRef ref();
}
