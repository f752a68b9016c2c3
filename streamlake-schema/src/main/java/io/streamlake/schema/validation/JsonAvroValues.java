package io.streamlake.schema.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The JSON → Avro rules for leaf types, shared by validation and the Avro encoder so that both accept
 * exactly the same values. Each method returns the Avro value or throws a {@link Mismatch} saying what was
 * expected and found. Stateless and thread-safe.
 *
 * <ul>
 *   <li>int/long: an integral JSON number in range; {@code date} also takes {@code "2026-11-27"},
 *       {@code time-*} also {@code "13:05:00.123"}, {@code timestamp-*} also an ISO-8601 instant with an
 *       offset ({@code "2026-11-27T13:05:00Z"}), {@code local-timestamp-*} an ISO-8601 local date-time.</li>
 *   <li>float/double: any JSON number within range (an integer is fine; a string is not).</li>
 *   <li>string: a JSON string ({@code uuid}: a UUID string).</li>
 *   <li>bytes/fixed: a JSON string of code points U+0000–U+00FF, one per byte (Avro's JSON encoding);
 *       {@code decimal}: a JSON number, or a string holding one, with at most the schema's scale.</li>
 *   <li>enum: one of its symbols as a string.</li>
 * </ul>
 */
public final class JsonAvroValues {

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonAvroValues() {}

    public static boolean booleanValue(Schema schema, JsonNode node) {
        if (!node.isBoolean()) {
            throw Describe.mismatch(schema, node);
        }
        return node.booleanValue();
    }

    public static int intValue(Schema schema, JsonNode node) {
        if (node.isTextual() && schema.getLogicalType() != null) {
            return (int) Temporals.fromText(schema, node);
        }
        if (node.isInt()) {
            return node.intValue();
        }
        BigInteger value = integral(schema, node);
        if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
            throw new Mismatch(
                    "expected " + Describe.expected(schema) + ", got " + Describe.found(node) + " (out of int range)");
        }
        return value.intValue();
    }

    public static long longValue(Schema schema, JsonNode node) {
        if (node.isTextual() && schema.getLogicalType() != null) {
            return Temporals.fromText(schema, node);
        }
        if (node.isInt() || node.isLong()) {
            return node.longValue();
        }
        BigInteger value = integral(schema, node);
        if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            throw new Mismatch(
                    "expected " + Describe.expected(schema) + ", got " + Describe.found(node) + " (out of long range)");
        }
        return value.longValue();
    }

    public static float floatValue(Schema schema, JsonNode node) {
        double value = doubleValue(schema, node);
        if (Math.abs(value) > Float.MAX_VALUE) {
            throw new Mismatch("expected float, got " + Describe.found(node) + " (out of float range)");
        }
        return (float) value;
    }

    public static double doubleValue(Schema schema, JsonNode node) {
        if (!node.isNumber()) {
            throw Describe.mismatch(schema, node);
        }
        double value = node.doubleValue();
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw new Mismatch("expected " + Describe.expected(schema) + ", got " + Describe.found(node)
                    + " (out of double range)");
        }
        return value;
    }

    public static String stringValue(Schema schema, JsonNode node) {
        if (!node.isTextual()) {
            throw Describe.mismatch(schema, node);
        }
        String text = node.textValue();
        if (schema.getLogicalType() != null
                && "uuid".equals(schema.getLogicalType().getName())) {
            try {
                UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw Describe.mismatch(schema, node);
            }
        }
        return text;
    }

    public static ByteBuffer bytesValue(Schema schema, JsonNode node) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            return ByteBuffer.wrap(decimalBytes(schema, decimal, node));
        }
        return ByteBuffer.wrap(latin1(schema, node));
    }

    public static byte[] fixedValue(Schema schema, JsonNode node) {
        byte[] bytes;
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            byte[] minimal = decimalBytes(schema, decimal, node);
            if (minimal.length > schema.getFixedSize()) {
                throw new Mismatch("expected " + Describe.expected(schema) + ", got " + Describe.found(node)
                        + " (does not fit in " + schema.getFixedSize() + " bytes)");
            }
            bytes = new byte[schema.getFixedSize()];
            byte pad = minimal.length > 0 && minimal[0] < 0 ? (byte) 0xFF : 0;
            int offset = bytes.length - minimal.length;
            java.util.Arrays.fill(bytes, 0, offset, pad);
            System.arraycopy(minimal, 0, bytes, offset, minimal.length);
            return bytes;
        }
        bytes = latin1(schema, node);
        if (bytes.length != schema.getFixedSize()) {
            throw new Mismatch("expected " + Describe.expected(schema) + ", got " + Describe.found(node) + " ("
                    + bytes.length + " bytes)");
        }
        return bytes;
    }

    public static int enumIndex(Schema schema, JsonNode node) {
        int index = node.isTextual() && schema.hasEnumSymbol(node.textValue())
                ? schema.getEnumOrdinal(node.textValue())
                : -1;
        if (index < 0) {
            throw new Mismatch("expected one of " + schema.getEnumSymbols() + " (enum " + schema.getName() + "), got "
                    + Describe.found(node));
        }
        return index;
    }

    /** More integer digits than a long has (19); such numbers are outside every integer type's range. */
    private static final int MAX_INTEGER_DIGITS = 20;

    private static final BigInteger BEYOND_LONG = BigInteger.TEN.pow(MAX_INTEGER_DIGITS);

    private static BigInteger integral(Schema schema, JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.signum() == 0) {
                return BigInteger.ZERO;
            }
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() <= 0) {
                // a whole number with more integer digits than any long (1e999999999): outside every integer range,
                // and never expanded (expanding it would take the time and memory of a billion-digit number)
                if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
                    return value.signum() > 0 ? BEYOND_LONG : BEYOND_LONG.negate();
                }
                return stripped.toBigIntegerExact();
            }
        }
        throw Describe.mismatch(schema, node);
    }

    private static byte[] latin1(Schema schema, JsonNode node) {
        if (!node.isTextual()) {
            throw Describe.mismatch(schema, node);
        }
        String text = node.textValue();
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new Mismatch("expected " + Describe.expected(schema)
                        + " (one character U+0000-U+00FF per byte), got " + Describe.found(node));
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    private static byte[] decimalBytes(Schema schema, LogicalTypes.Decimal decimal, JsonNode node) {
        BigDecimal value;
        try {
            value = node.isNumber()
                    ? node.decimalValue()
                    : node.isTextual() ? new BigDecimal(node.textValue().strip()) : null;
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            throw Describe.mismatch(schema, node);
        }
        BigDecimal scaled;
        try {
            scaled = value.setScale(decimal.getScale());
        } catch (ArithmeticException e) {
            throw new Mismatch("expected " + Describe.expected(schema) + ", got " + Describe.found(node)
                    + " (more than " + decimal.getScale() + " decimal places)");
        }
        if (scaled.precision() > decimal.getPrecision()) {
            throw new Mismatch("expected " + Describe.expected(schema) + ", got " + Describe.found(node)
                    + " (more than " + decimal.getPrecision() + " digits)");
        }
        return scaled.unscaledValue().toByteArray();
    }

    /** The logical type's name, or null. */
    static String logicalName(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        return logical == null ? null : logical.getName();
    }
}
