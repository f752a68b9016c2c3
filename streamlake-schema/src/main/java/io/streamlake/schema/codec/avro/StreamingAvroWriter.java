package io.streamlake.schema.codec.avro;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.schema.codec.json.JsonPayload;
import io.streamlake.schema.codec.json.JsonScalars;
import io.streamlake.schema.validation.TreeConformance;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * The streaming tier of Avro writing ({@code StreamingScan}, {@code StreamingConformance},
 * {@code StreamingAvroWriter}): writes the common payload shape as Avro straight from its tokens, without a tree: a
 * record whose JSON fields come in the schema's order, all present, none undeclared, each a nested record of the same
 * kind or a leaf ({@code null}, {@code boolean}, {@code int}, {@code long}, {@code double}, plain {@code string}, enum)
 * or a union of those with a plain value. The Avro calls and values are exactly those {@link TreeAvroWriter} makes from
 * the tree (union branches come from {@link TreeConformance}'s own choice on the same node). For anything else it stops
 * and answers false, having written part of the record: the caller discards the output and uses the tree tier
 * ({@link TreeAvroWriter}), which also gives every error. A flat payload is written by the flat tier from the scalars
 * the parser recorded ({@link FlatAvroWriter}), in any field order. Immutable and thread-safe.
 */
final class StreamingAvroWriter {

    private final TreeConformance checker;

    StreamingAvroWriter(TreeConformance checker) {
        this.checker = checker;
    }

    /**
     * @return true when the whole record was written; false when the output must be discarded
     * @throws IOException only from the encoder's stream
     */
    boolean write(Schema schema, JsonPayload payload, Encoder out) throws IOException {
        if (schema.getType() != Schema.Type.RECORD) {
            return false;
        }
        var scalars = payload.scalars();
        if (scalars.isPresent()) {
            try {
                return FlatAvroWriter.write(schema, scalars.get(), checker, out);
            } catch (RuntimeException e) {
                return false; // the tree writer decides, with its own errors
            }
        }
        JsonParser p;
        try {
            p = payload.tokens();
        } catch (IOException e) {
            return false;
        }
        try (p) {
            return p.nextToken() == JsonToken.START_OBJECT && record(schema, p, out);
        } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) {
            return false;
        }
    }

    private boolean record(Schema schema, JsonParser p, Encoder out) throws IOException {
        for (Schema.Field field : schema.getFields()) {
            if (p.nextToken() != JsonToken.FIELD_NAME || !field.name().equals(p.currentName())) {
                return false;
            }
            if (!value(field.schema(), p, p.nextToken(), out)) {
                return false;
            }
        }
        return p.nextToken() == JsonToken.END_OBJECT;
    }

    private boolean value(Schema schema, JsonParser p, JsonToken t, Encoder out) throws IOException {
        return switch (schema.getType()) {
            case RECORD -> t == JsonToken.START_OBJECT && record(schema, p, out);
            case UNION -> union(schema, p, t, out);
            default -> leaf(schema, p, t, out);
        };
    }

    private boolean union(Schema union, JsonParser p, JsonToken t, Encoder out) throws IOException {
        JsonNode node = JsonScalars.node(p, t);
        if (node == null) {
            return false;
        }
        int index = checker.plainBranchIndex(union, node);
        if (index < 0) {
            return false;
        }
        List<Schema> types = union.getTypes();
        out.writeIndex(index);
        return leaf(types.get(index), p, t, out);
    }

    private static boolean leaf(Schema schema, JsonParser p, JsonToken t, Encoder out) throws IOException {
        switch (schema.getType()) {
            case NULL -> {
                if (t != JsonToken.VALUE_NULL) {
                    return false;
                }
                out.writeNull();
            }
            case BOOLEAN -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    return false;
                }
                out.writeBoolean(t == JsonToken.VALUE_TRUE);
            }
            case INT -> {
                if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                    return false;
                }
                out.writeInt(p.getIntValue());
            }
            case LONG -> {
                if (!JsonScalars.intOrLong(p, t)) {
                    return false;
                }
                out.writeLong(p.getLongValue());
            }
            case DOUBLE -> {
                if (JsonScalars.intOrLong(p, t)) {
                    out.writeDouble((double) p.getLongValue());
                } else if (JsonScalars.plainDecimal(p, t)) {
                    double value = p.getDoubleValue();
                    out.writeDouble(value == 0.0 ? 0.0 : value); // the tree's BigDecimal has no negative zero
                } else {
                    return false;
                }
            }
            case STRING -> {
                if (t != JsonToken.VALUE_STRING || schema.getLogicalType() != null) {
                    return false;
                }
                out.writeString(p.getText());
            }
            case ENUM -> {
                if (t != JsonToken.VALUE_STRING || !schema.hasEnumSymbol(p.getText())) {
                    return false;
                }
                out.writeEnum(schema.getEnumOrdinal(p.getText()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
