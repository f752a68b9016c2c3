package io.streamlake.core.testing;

import io.streamlake.core.domain.Payload;
import java.util.Map;
import java.util.Optional;

/** The payload {@link KeyValuePayloadParser} makes: flat {@code name=value} fields. */
public record KeyValuePayload(byte[] raw, Map<String, String> fields) implements Payload {

    public KeyValuePayload {
        fields = Map.copyOf(fields);
    }

    @Override
    public Optional<String> textField(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
