package io.streamlake.schema.codec.json;

import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.port.out.PayloadSerializer;

/**
 * Writes JSON payloads as the exact bytes they arrived in (they were parsed as strict UTF-8 JSON and
 * validated), {@code content_type=application/json}. No copy, byte-identical. Thread-safe; never throws
 * for a payload made by {@link JsonPayloadParser}.
 */
public final class JsonPayloadSerializer implements PayloadSerializer {

    @Override
    public SerializedPayload serialize(Envelope envelope) {
        return new SerializedPayload(envelope.payload().raw(), HeaderNames.CONTENT_TYPE_JSON);
    }
}
