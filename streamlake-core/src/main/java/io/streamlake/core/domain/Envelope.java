package io.streamlake.core.domain;

import java.util.Objects;

/**
 * A validated event on its way to a codec: key, payload and metadata.
 *
 * @param key      the partitioning key; null only when keys are optional
 * @param payload  the parsed payload
 * @param metadata its metadata, with the schema version it was validated against
 */
public record Envelope(String key, Payload payload, EventMetadata metadata) {

    public Envelope {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
    }
}
