package io.streamlake.core.domain;

import java.util.Objects;

/**
 * A payload encoded for the wire.
 *
 * @param bytes       the record value
 * @param contentType {@link HeaderNames#CONTENT_TYPE_JSON} or {@link HeaderNames#CONTENT_TYPE_AVRO}
 */
public record SerializedPayload(byte[] bytes, String contentType) {

    public SerializedPayload {
        Objects.requireNonNull(bytes, "bytes");
        if (contentType == null || contentType.isEmpty()) {
            throw new IllegalArgumentException("content type must not be empty");
        }
    }
}
