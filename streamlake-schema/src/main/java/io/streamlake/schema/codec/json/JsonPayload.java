package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.core.domain.Payload;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object payload: the bytes as received and the parsed tree. Made only by {@link JsonPayloadParser}.
 * Immutable by contract: neither the bytes nor the tree may be modified, so it is safe to share between threads.
 */
public final class JsonPayload implements Payload {

    private final byte[] raw;
    private final ObjectNode tree;

    JsonPayload(byte[] raw, ObjectNode tree) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    @Override
    public byte[] raw() {
        return raw;
    }

    /** The parsed JSON object. Callers must not modify it. */
    public ObjectNode tree() {
        return tree;
    }

    @Override
    public Optional<String> textField(String name) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(node.isTextual() ? node.textValue() : node.asText());
    }

    @Override
    public String toString() {
        return "JsonPayload[" + raw.length + " bytes]";
    }
}
