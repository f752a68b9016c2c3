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
import java.util.Arrays;

/**
 * The top-level fields of a flat payload (every value a scalar, at most {@value #MAX_FIELDS} fields), recorded by
 * the streaming pass so that the key, validation and Avro encoding of the common event need no second pass: per
 * field its name, its {@link Kind}, a string's value and an integer's or plain decimal's value. Values are exactly
 * those of the tree ({@link #node} gives the tree's node where that is cheap). Immutable once the pass is over;
 * safe to share between threads after publication with its payload.
 */
public final class TopLevelScalars {

    /** Payloads with more top-level fields are not summarised. */
    public static final int MAX_FIELDS = 32;

    /** What a top-level value is. */
    public enum Kind {
        /** A string; {@link #text} has it. */
        STRING,
        /** An integer within int range; {@link #longValue} has it. */
        INT,
        /** An integer within long range but not int range; {@link #longValue} has it. */
        LONG,
        /**
         * A decimal literal without exponent of at most 100 characters; {@link #doubleValue} gives its double, decoded
         * during the pass.
         */
        PLAIN_DECIMAL,
        /** A bigger integer or another float: only the tree knows it exactly. */
        OTHER_NUMBER,
        TRUE,
        FALSE,
        NULL
    }

    private static final Kind[] KINDS = Kind.values();

    private String[] names = new String[4];
    private byte[] kinds = new byte[4];
    private String[] texts = new String[4];
    private long[] bits = new long[4];
    private int size;

    TopLevelScalars() {}

    /** Records the scalar value token {@code t} of the field {@code name}; false when it is not a scalar. */
    boolean add(String name, JsonParser p, JsonToken t) throws IOException {
        Kind kind;
        String text = null;
        long value = 0;
        switch (t) {
            case VALUE_STRING -> {
                kind = Kind.STRING;
                text = p.getText();
            }
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType type = p.getNumberType();
                kind = type == JsonParser.NumberType.INT
                        ? Kind.INT
                        : type == JsonParser.NumberType.LONG ? Kind.LONG : Kind.OTHER_NUMBER;
                value = kind == Kind.OTHER_NUMBER ? 0 : p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                kind = JsonScalars.plainDecimal(p, t) ? Kind.PLAIN_DECIMAL : Kind.OTHER_NUMBER;
                if (kind == Kind.PLAIN_DECIMAL) { // decoded from the parser's buffer: no String for the literal
                    double decimal = PlainDecimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    value = Double.doubleToRawLongBits(decimal == 0.0 ? 0.0 : decimal); // the tree has no -0
                }
            }
            case VALUE_TRUE -> kind = Kind.TRUE;
            case VALUE_FALSE -> kind = Kind.FALSE;
            case VALUE_NULL -> kind = Kind.NULL;
            default -> {
                return false;
            }
        }
        return put(name, kind, text, value);
    }

    /**
     * Records a field read by {@link FlatScan}: {@code text} for a {@link Kind#STRING}, {@code value} as
     * {@link #add} keeps them (the long, or a plain decimal's raw double bits); false when there are already
     * {@value #MAX_FIELDS} fields.
     */
    boolean put(String name, Kind kind, String text, long value) {
        if (size == MAX_FIELDS) {
            return false;
        }
        if (size == names.length) {
            int capacity = Math.min(MAX_FIELDS, size * 2);
            names = Arrays.copyOf(names, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            texts = Arrays.copyOf(texts, capacity);
            bits = Arrays.copyOf(bits, capacity);
        }
        names[size] = name;
        kinds[size] = (byte) kind.ordinal();
        texts[size] = text;
        bits[size] = value;
        size++;
        return true;
    }

    /** The number of top-level fields. */
    public int size() {
        return size;
    }

    /**
     * {@link #indexOf(String)}, looking first at position {@code likely} (where a payload written in schema order has
     * the field).
     */
    public int indexOf(String name, int likely) {
        int hash = name.hashCode();
        return likely >= 0 && likely < size && named(likely, name, hash) ? likely : find(name, hash);
    }

    /** The position of the field {@code name}, or -1 when the payload has no such field. */
    public int indexOf(String name) {
        return find(name, name.hashCode());
    }

    private int find(String name, int hash) {
        for (int i = 0; i < size; i++) {
            if (named(i, name, hash)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether field {@code i} is {@code name}; hash codes are cached in the strings, so most misses cost no bytes. */
    private boolean named(int i, String name, int hash) {
        String candidate = names[i];
        return candidate == name || candidate.hashCode() == hash && candidate.equals(name);
    }

    public String name(int i) {
        return names[i];
    }

    public Kind kind(int i) {
        return KINDS[kinds[i]];
    }

    /** A {@link Kind#STRING}'s value; null for other kinds. */
    public String text(int i) {
        return texts[i];
    }

    /** An {@link Kind#INT} or {@link Kind#LONG} value. */
    public long longValue(int i) {
        return bits[i];
    }

    /**
     * A number's double as the tree gives it: for {@link Kind#PLAIN_DECIMAL} the correctly rounded value, with
     * zero always positive (the tree's {@code BigDecimal} has no negative zero); for INT and LONG the integer.
     */
    public double doubleValue(int i) {
        Kind kind = kind(i);
        if (kind == Kind.INT || kind == Kind.LONG) {
            return (double) bits[i];
        }
        // the value Double.parseDouble gives, as Jackson's getDoubleValue() does (its fast parser is off by default)
        return Double.longBitsToDouble(bits[i]);
    }

    /** The tree's node for the value, or null for {@link Kind#PLAIN_DECIMAL} and {@link Kind#OTHER_NUMBER}. */
    public JsonNode node(int i) {
        return switch (kind(i)) {
            case STRING -> TextNode.valueOf(texts[i]);
            case INT -> IntNode.valueOf((int) bits[i]);
            case LONG -> LongNode.valueOf(bits[i]);
            case TRUE -> BooleanNode.TRUE;
            case FALSE -> BooleanNode.FALSE;
            case NULL -> NullNode.getInstance();
            default -> null;
        };
    }
}
