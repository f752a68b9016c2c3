package io.streamlake.schema.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.apache.avro.Schema;

/**
 * Leaf values for {@link StreamingConformance}: whether one scalar token certainly fits a leaf type under
 * {@link JsonAvroValues}' rules. Stateless and thread-safe.
 */
final class StreamingLeaves {

    /** Decimal literals longer than this are not judged here (their double could overflow). */
    private static final int MAX_PLAIN_DECIMAL_CHARS = 100;

    private StreamingLeaves() {
    }

    /**
     * True when the token fits the leaf type; false means "not sure". Plain cases are decided from the token;
     * other scalars are checked by the checker's leaf rule on the node the tree would hold.
     */
    static boolean conforms(Schema schema, JsonParser p, JsonToken t) throws IOException {
        if (surely(schema, p, t)) {
            return true;
        }
        JsonNode node = StreamingConformance.scalarNode(p, t);
        if (node == null) {
            return false;
        }
        try {
            JsonAvroChecker.checkLeaf(schema, node);
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
            case LONG, FLOAT -> t == JsonToken.VALUE_NUMBER_INT && intOrLong(p);
            case DOUBLE -> t == JsonToken.VALUE_NUMBER_INT ? intOrLong(p)
                    : t == JsonToken.VALUE_NUMBER_FLOAT && plainDecimal(p);
            default -> false;
        };
    }

    private static boolean intOrLong(JsonParser p) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /** A decimal literal without exponent of at most 100 characters: always a finite double. */
    private static boolean plainDecimal(JsonParser p) throws IOException {
        int length = p.getTextLength();
        if (length > MAX_PLAIN_DECIMAL_CHARS) {
            return false;
        }
        char[] text = p.getTextCharacters();
        int end = p.getTextOffset() + length;
        for (int i = p.getTextOffset(); i < end; i++) {
            if (text[i] == 'e' || text[i] == 'E') {
                return false;
            }
        }
        return true;
    }
}
