package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.core.domain.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object payload: the bytes as received and the parsed tree. Made only by {@link JsonPayloadParser}, so its
 * bytes are always one strict UTF-8 JSON object.
 *
 * <p>The tree is built on first use of {@link #tree()} when the parser accepted the bytes in a streaming pass
 * (validation and the JSON codec never need it); {@link #textField} reads string fields from the bytes without
 * it. Immutable by contract: neither the bytes nor the tree may be modified. Safe to share between threads:
 * the tree is built at most once, under a lock, and published through a volatile field.
 */
public final class JsonPayload implements Payload {

    private final byte[] raw;
    private final TopLevelScalars scalars;
    private volatile ObjectNode tree;

    /** A payload whose tree is already built. */
    JsonPayload(byte[] raw, ObjectNode tree) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.scalars = null;
    }

    /**
     * A payload of bytes {@link StreamingScan} accepted, with their top-level scalars when the object is flat (else
     * null); the tree is built when first asked for.
     */
    JsonPayload(byte[] raw, TopLevelScalars scalars) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.scalars = scalars;
    }

    /**
     * The top-level fields when the payload is a flat object of scalars and was accepted by the streaming pass;
     * empty otherwise (then use {@link #tokens()} or {@link #tree()}).
     */
    public Optional<TopLevelScalars> scalars() {
        return Optional.ofNullable(scalars);
    }

    @Override
    public byte[] raw() {
        return raw;
    }

    /**
     * The parsed JSON object (built now if it was not yet, the same object on every later call). Callers must not
     * modify it.
     *
     * @throws IllegalStateException if the accepted bytes cannot be read as a tree, which would be a bug
     */
    public ObjectNode tree() {
        ObjectNode t = tree;
        if (t == null) {
            synchronized (this) {
                t = tree;
                if (t == null) {
                    t = build();
                    tree = t;
                }
            }
        }
        return t;
    }

    /**
     * A new streaming Jackson parser over the bytes (the parser's limits, no duplicate detection: the bytes have
     * none). The caller closes it. Cheap: no tree is built.
     *
     * @throws IOException only if Jackson cannot start reading, which for in-memory bytes it does not
     */
    public JsonParser tokens() throws IOException {
        return StrictJson.FAST_FACTORY.createParser(raw);
    }

    /** Whether the tree has been built (tests and diagnostics). */
    boolean hasTree() {
        return tree != null;
    }

    private ObjectNode build() {
        try {
            JsonNode node = StrictJson.TREE_MAPPER.readTree(raw);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("accepted payload is not a JSON object: " + node.getNodeType());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "accepted payload no longer parses: " + e.getMessage(), new UncheckedIOException(e));
        }
    }

    /**
     * The top-level field's text: a string's value, the JSON text of a number or boolean as Jackson renders it
     * ({@code asText()}); empty when the field is missing, null, an object or an array.
     */
    @Override
    public Optional<String> textField(String name) {
        if (scalars != null) {
            int i = scalars.indexOf(name);
            if (i < 0) {
                return Optional.empty();
            }
            switch (scalars.kind(i)) {
                case STRING:
                    return Optional.of(scalars.text(i));
                case NULL:
                    return Optional.empty();
                default:
                    break; // numbers and booleans: the tree's rendering
            }
        }
        ObjectNode t = tree;
        if (t == null && scalars == null) {
            String found = TopLevelField.find(raw, name);
            if (found == TopLevelField.NONE) {
                return Optional.empty();
            }
            if (found != TopLevelField.OTHER) {
                return Optional.of(found);
            }
        }
        if (t == null) {
            t = tree();
        }
        JsonNode node = t.get(name);
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
