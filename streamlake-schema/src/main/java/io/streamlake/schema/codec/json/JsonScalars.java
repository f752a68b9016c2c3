package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Scalar tokens of an accepted payload read from {@link JsonPayload#tokens()} as its tree would hold them, for the
 * streaming validator and encoder: they may only act on a token where the result is exactly the tree's. Stateless
 * and thread-safe.
 */
public final class JsonScalars {

    /** Decimal literals longer than this are not judged by streaming code (BigDecimal and double rules differ). */
    public static final int MAX_PLAIN_DECIMAL_CHARS = 100;

    private JsonScalars() {}

    /**
     * The node the tree holds for this scalar token (a string, boolean, null, or an integer within long range), or
     * null for floats, big integers and structure tokens, which the caller leaves to the tree.
     *
     * @throws IOException only for bytes Jackson cannot read, which an accepted payload never has
     */
    public static JsonNode node(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> null;
                };
            default -> null;
        };
    }

    /** True for an integer token within long range (the tree holds an int or long node). */
    public static boolean intOrLong(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            return false;
        }
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /**
     * True for a float token without exponent of at most {@value #MAX_PLAIN_DECIMAL_CHARS} characters: a finite
     * double, whose {@link JsonParser#getDoubleValue()} equals the tree's {@code BigDecimal.doubleValue()} except
     * that the tree has no negative zero.
     */
    public static boolean plainDecimal(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_FLOAT) {
            return false;
        }
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
