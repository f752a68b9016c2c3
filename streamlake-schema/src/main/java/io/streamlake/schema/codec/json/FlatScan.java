package io.streamlake.schema.codec.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The flat tier of parsing ({@code FlatScan}, {@code FlatConformance}, {@code FlatAvroWriter}), the parser's first try,
 * for the payload an ingestion layer sees most: one flat object whose values are ASCII strings without escapes,
 * integers below 10<sup>18</sup>, decimals without exponent, booleans and nulls. It reads the bytes once, with no
 * Jackson parser, no separate UTF-8 pass and no character buffers, and gives exactly the {@link TopLevelScalars} that
 * {@link StreamingScan} gives for the same bytes.
 *
 * <p>It returns null as soon as the bytes leave that subset in any way: a byte of 0x80 or above, an escape or a control
 * character in a string, a nested object or array, an exponent, a longer integer, a leading zero, a duplicate or a 33rd
 * key, a name over Jackson's name-length limit, anything malformed. Null only means "take the general path" (the
 * streaming tier {@link StreamingScan}, then the tree tier {@link TreeParse}), which decides the outcome and gives the
 * reasons. Stateless apart from a shared cache of field names; thread-safe; never throws.
 */
final class FlatScan {

    /** Integers with at most this many digits fit a long without overflow checks. */
    private static final int MAX_INT_DIGITS = 18;

    /** Longer field names are the general path's to refuse (Jackson's name-length limit). */
    private static final int MAX_NAME_LENGTH =
            StrictJson.FAST_FACTORY.streamReadConstraints().getMaxNameLength();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private FlatScan() {}

    /** The top-level scalars of {@code raw}, or null when the general path has to decide. */
    static TopLevelScalars scan(byte[] raw) {
        int n = raw.length;
        if (n > JsonPayloadParser.MAX_STRING_LENGTH) {
            return null; // the limits of big payloads are the general path's
        }
        int i = space(raw, 0);
        if (i == n || raw[i] != '{') {
            return null;
        }
        TopLevelScalars top = new TopLevelScalars();
        i = space(raw, i + 1);
        if (i < n && raw[i] == '}') {
            return space(raw, i + 1) == n ? top : null;
        }
        while (i < n && raw[i] == '"') {
            int nameEnd = stringEnd(raw, i + 1);
            if (nameEnd < 0 || nameEnd - i - 1 > MAX_NAME_LENGTH) {
                return null;
            }
            String name = FieldNames.of(raw, i + 1, nameEnd);
            if (top.indexOf(name) >= 0) {
                return null;
            }
            i = space(raw, nameEnd + 1);
            if (i == n || raw[i] != ':') {
                return null;
            }
            i = value(raw, space(raw, i + 1), name, top);
            if (i < 0) {
                return null;
            }
            i = space(raw, i);
            if (i == n) {
                return null;
            }
            if (raw[i] == '}') {
                return space(raw, i + 1) == n ? top : null;
            }
            if (raw[i] != ',') {
                return null;
            }
            i = space(raw, i + 1);
        }
        return null;
    }

    /** Reads the value at {@code i} into {@code top}; the offset after it, or -1 when it is not for this path. */
    private static int value(byte[] raw, int i, String name, TopLevelScalars top) {
        if (i == raw.length) {
            return -1;
        }
        byte b = raw[i];
        if (b == '"') {
            int end = stringEnd(raw, i + 1);
            if (end < 0) {
                return -1;
            }
            String text = new String(raw, i + 1, end - i - 1, StandardCharsets.ISO_8859_1); // ASCII: exact
            return top.put(name, TopLevelScalars.Kind.STRING, text, 0) ? end + 1 : -1;
        }
        if (b == 't') {
            return literal(raw, i, "true", name, TopLevelScalars.Kind.TRUE, top);
        }
        if (b == 'f') {
            return literal(raw, i, "false", name, TopLevelScalars.Kind.FALSE, top);
        }
        if (b == 'n') {
            return literal(raw, i, "null", name, TopLevelScalars.Kind.NULL, top);
        }
        return number(raw, i, name, top);
    }

    private static int literal(
            byte[] raw, int i, String word, String name, TopLevelScalars.Kind kind, TopLevelScalars top) {
        int end = i + word.length();
        if (end > raw.length) {
            return -1;
        }
        for (int k = 0; k < word.length(); k++) {
            if (raw[i + k] != word.charAt(k)) {
                return -1;
            }
        }
        return top.put(name, kind, null, 0) ? end : -1;
    }

    /**
     * A JSON number without exponent: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?}. Integers become INT or LONG as Jackson
     * types them (INT when within int range); decimals PLAIN_DECIMAL with the double {@link PlainDecimals} gives.
     */
    private static int number(byte[] raw, int start, String name, TopLevelScalars top) {
        int n = raw.length;
        int i = start;
        boolean negative = raw[i] == '-';
        if (negative) {
            i++;
        }
        if (i == n || !digit(raw[i])) {
            return -1;
        }
        if (raw[i] == '0' && i + 1 < n && digit(raw[i + 1])) {
            return -1; // a leading zero: malformed
        }
        long mantissa = 0;
        int significant = 0;
        for (; i < n && digit(raw[i]); i++) {
            if (mantissa != 0 || raw[i] != '0') {
                significant++;
                mantissa = mantissa * 10 + (raw[i] - '0');
            }
            if (significant > MAX_INT_DIGITS) {
                return -1;
            }
        }
        if (i < n && raw[i] == '.') {
            int fractionStart = ++i;
            for (; i < n && digit(raw[i]); i++) {
                if (mantissa != 0 || raw[i] != '0') {
                    significant++;
                    if (significant <= MAX_INT_DIGITS) {
                        mantissa = mantissa * 10 + (raw[i] - '0');
                    }
                }
            }
            int fraction = i - fractionStart;
            if (fraction == 0 || exponent(raw, i) || i - start > JsonScalars.MAX_PLAIN_DECIMAL_CHARS) {
                return -1;
            }
            double decimal = significant <= PlainDecimals.MAX_DIGITS && fraction <= PlainDecimals.MAX_FRACTION
                    ? PlainDecimals.exact(mantissa, fraction, negative)
                    : Double.parseDouble(new String(raw, start, i - start, StandardCharsets.ISO_8859_1));
            long bits = Double.doubleToRawLongBits(decimal == 0.0 ? 0.0 : decimal); // the tree has no -0
            return top.put(name, TopLevelScalars.Kind.PLAIN_DECIMAL, null, bits) ? i : -1;
        }
        if (exponent(raw, i)) {
            return -1;
        }
        long value = negative ? -mantissa : mantissa;
        TopLevelScalars.Kind kind = value == (int) value ? TopLevelScalars.Kind.INT : TopLevelScalars.Kind.LONG;
        return top.put(name, kind, null, value) ? i : -1;
    }

    private static boolean exponent(byte[] raw, int i) {
        return i < raw.length && (raw[i] == 'e' || raw[i] == 'E');
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The offset of the first byte at or after {@code i} that is not JSON white space. */
    private static int space(byte[] raw, int i) {
        while (i < raw.length && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * The offset of the quote that closes the string whose text starts at {@code from}, or -1 when the string is not
     * plain printable ASCII (an escape, a control character, a byte of 0x80 or above) or does not end.
     */
    private static int stringEnd(byte[] raw, int from) {
        int i = from;
        while (i + Long.BYTES <= raw.length && plain((long) LONGS.get(raw, i))) {
            i += Long.BYTES;
        }
        for (; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\') { // bytes of 0x80 and above are negative
                return -1;
            }
        }
        return -1;
    }

    /**
     * True when none of the word's eight bytes ends a plain string or leaves it: no quote, no backslash, nothing below
     * 0x20, nothing of 0x80 or above (each test is exact about whether such a byte is present).
     */
    private static boolean plain(long word) {
        long quote = word ^ (ONES * '"');
        long backslash = word ^ (ONES * '\\');
        long found =
                ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((word - ONES * 0x20) & ~word) | word;
        return (found & HIGHS) == 0;
    }

    /**
     * Field names by their bytes, so that the same field in every event is the same {@code String} (as Jackson's
     * symbol table does). A fixed table shared by all threads: an entry is an immutable record written with a plain
     * store, so a reader sees either a whole entry or another one, and a miss only costs a new string.
     */
    private static final class FieldNames {
        private static final int SLOTS = 1024;
        private static final int MAX_CACHED_LENGTH = 64;
        private static final Entry[] TABLE = new Entry[SLOTS];

        private record Entry(byte[] bytes, String text) {}

        static String of(byte[] raw, int from, int to) {
            int length = to - from;
            if (length > MAX_CACHED_LENGTH) {
                return new String(raw, from, length, StandardCharsets.ISO_8859_1);
            }
            int hash = length;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + raw[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            Entry cached = TABLE[slot];
            if (cached != null && same(cached.bytes, raw, from, length)) {
                return cached.text;
            }
            byte[] bytes = Arrays.copyOfRange(raw, from, to);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            TABLE[slot] = new Entry(bytes, text);
            return text;
        }

        /** A plain loop: names are short, and {@code Arrays.equals} on a range costs more to start than to run. */
        private static boolean same(byte[] cached, byte[] raw, int from, int length) {
            if (cached.length != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (cached[i] != raw[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
