package io.streamlake.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which event a result speaks of: enough to list it, and to send its payload again.
 *
 * @param dataset     its dataset
 * @param key         its key, or null when it had none
 * @param ingestionId the id given to it
 * @param payload     the payload bytes as received (the very array the command carried)
 * @param source      the file and line the command said it was read from; empty when it named none. It lets a
 *                    caller that reads a file find its own record of the line without hashing the payload array
 */
public record EventRef(
        DatasetName dataset, String key, String ingestionId, byte[] payload, Optional<EventSource> source) {

    public EventRef {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(ingestionId, "ingestionId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(source, "source");
    }

    /** A reference to an event without a source. */
    public EventRef(DatasetName dataset, String key, String ingestionId, byte[] payload) {
        this(dataset, key, ingestionId, payload, Optional.empty());
    }
}
