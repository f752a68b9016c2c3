package io.streamlake.schema.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.schema.codec.json.JsonScalars;
import java.io.IOException;
import org.apache.avro.Schema;

/**
 * Leaf values for the streaming tier's {@link StreamingConformance}: whether one scalar token certainly fits a leaf
 * type under {@link JsonAvroValues}' rules. Stateless and thread-safe.
 */
final class StreamingLeaves {

    private StreamingLeaves() {}

    /**
     * True when the token fits the leaf type; false means "not sure". Plain cases are decided from the token;
     * other scalars are checked by {@link TreeConformance}'s leaf rule on the node the tree would hold.
     */
    static boolean conforms(Schema schema, JsonParser p, JsonToken t) throws IOException {
        if (surely(schema, p, t)) {
            return true;
        }
        return fitsLeaf(schema, JsonScalars.node(p, t));
    }

    /** True when {@code node} (null: a value with no single-node form) passes the tree tier's rules for the leaf. */
    static boolean fitsLeaf(Schema schema, JsonNode node) {
        if (node == null) {
            return false;
        }
        try {
            TreeConformance.checkLeaf(schema, node);
            return true;
        } catch (Mismatch m) {
            return false;
        }
    }

    /**
     * The common cases, decided without allocating: null for {@code null}; a boolean; a string for a plain
     * {@code string}; an integer in range for {@code int}/{@code long} (whatever their logical type: the number
     * is taken as is); an integer or a decimal literal without exponent for {@code double}; an int or long for
     * {@code float}. False for anything else (not a leaf, or needs a closer look).
     */
    static boolean surely(Schema schema, JsonParser p, JsonToken t) throws IOException {
        return switch (schema.getType()) {
            case NULL -> t == JsonToken.VALUE_NULL;
            case BOOLEAN -> t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE;
            case STRING -> t == JsonToken.VALUE_STRING && schema.getLogicalType() == null;
            case INT -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
            case LONG, FLOAT -> JsonScalars.intOrLong(p, t);
            case DOUBLE -> JsonScalars.intOrLong(p, t) || JsonScalars.plainDecimal(p, t);
            default -> false;
        };
    }
}
