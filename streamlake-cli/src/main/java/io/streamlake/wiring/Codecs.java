package io.streamlake.wiring;

import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.schema.codec.json.JsonPayloadSerializer;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.wiring.config.InvalidSettingsException;

/** Chooses the serializer named by {@code serialization}. */
final class Codecs {

    PayloadSerializer serializer(SchemaConfig config) {
        return switch (config.serialization()) {
            case JSON -> new JsonPayloadSerializer();
            case AVRO -> throw new InvalidSettingsException("invalid configuration: serialization=avro is not available in this build");
        };
    }
}
