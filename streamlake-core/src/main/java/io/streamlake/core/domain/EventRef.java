package io.streamlake.core.domain;

import java.util.Objects;

/**
 * Which event a result speaks of: enough to list it, and to send its payload again.
 *
 * @param dataset     its dataset
 * @param key         its key, or null when it had none
 * @param ingestionId the id given to it
 * @param payload     the payload bytes as received
 */
public record EventRef(DatasetName dataset, String key, String ingestionId, byte[] payload) {

    public EventRef {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(ingestionId, "ingestionId");
        Objects.requireNonNull(payload, "payload");
    }
}
