package io.streamlake.core.port.out;

import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.SerializedPayload;

/**
 * Encodes a validated payload for the wire (JSON, Avro, …). Thread-safe.
 */
public interface PayloadSerializer {

    /**
     * @throws io.streamlake.core.domain.RejectedPayloadException when the payload itself cannot be encoded
     *         (the event is dead-lettered at stage {@code serialize})
     * @throws io.streamlake.core.domain.StreamLakeException when the platform fails (a registry that cannot
     *         be reached); retriable or fatal, never dead-lettered
     */
    SerializedPayload serialize(Envelope envelope);
}
