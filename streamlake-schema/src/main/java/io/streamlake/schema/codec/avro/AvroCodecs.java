package io.streamlake.schema.codec.avro;

import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.schema.registry.compat.SchemaPreflight;
import io.streamlake.schema.validation.TreeConformance;
import io.streamlake.schema.validation.UnknownFieldPolicy;

/** Creates the Avro codec. */
public final class AvroCodecs {

    private AvroCodecs() {}

    /**
     * A serializer writing JSON payloads as Avro in the Confluent wire format with ids from {@code preflight}.
     *
     * @param unknownFields the policy validation uses; it decides union branches the same way here
     */
    public static PayloadSerializer serializer(SchemaPreflight preflight, UnknownFieldPolicy unknownFields) {
        TreeConformance checker = new TreeConformance(unknownFields);
        return new AvroWireSerializer(preflight, new TreeAvroWriter(checker), new StreamingAvroWriter(checker));
    }
}
