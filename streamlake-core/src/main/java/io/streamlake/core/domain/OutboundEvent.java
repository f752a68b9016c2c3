package io.streamlake.core.domain;

import java.util.Objects;

/**
 * One record for an {@code EventPublisher}: where it goes, its key, its encoded value and its metadata.
 *
 * @param topic    the RAW topic
 * @param key      the key (UTF-8 on the wire); null only when keys are optional
 * @param value    the serialized payload
 * @param metadata the metadata to write as headers
 */
public record OutboundEvent(String topic, String key, SerializedPayload value, EventMetadata metadata) {

    public OutboundEvent {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(metadata, "metadata");
    }
}
