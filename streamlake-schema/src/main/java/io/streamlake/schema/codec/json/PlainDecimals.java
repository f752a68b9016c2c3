package io.streamlake.schema.codec.json;

/**
 * The double of a plain JSON decimal literal ({@code -?digits[.digits]}, no exponent), exactly as
 * {@link Double#parseDouble} gives it, computed without building a {@code FloatingDecimal} when it can be done
 * exactly: at most 15 significant digits (the integer below 10<sup>15</sup> is an exact double) and at most 22
 * fraction digits (10<sup>22</sup> is the largest exact power of ten), so one IEEE division of two exact doubles
 * rounds correctly (Clinger's fast path). Anything else goes to {@code Double.parseDouble}. Stateless.
 */
final class PlainDecimals {

    /** Significant digits that {@link #exact} takes. */
    static final int MAX_DIGITS = 15;
    /** Fraction digits that {@link #exact} takes. */
    static final int MAX_FRACTION = 22;

    private static final double[] POWERS_OF_TEN = new double[MAX_FRACTION + 1];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private PlainDecimals() {}

    /** The double of the literal in {@code text[offset, offset + length)}. */
    static double parse(char[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = length > 0 && text[offset] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int fraction = -1; // digits after the point; -1 before the point
        boolean digit = false;
        for (; i < end; i++) {
            char c = text[i];
            if (c == '.') {
                if (fraction >= 0) {
                    return slow(text, offset, length);
                }
                fraction = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                return slow(text, offset, length);
            }
            digit = true;
            if (fraction >= 0) {
                fraction++;
            }
            if (mantissa == 0 && c == '0') {
                continue; // a leading zero is not significant
            }
            if (++significant > MAX_DIGITS) {
                return slow(text, offset, length);
            }
            mantissa = mantissa * 10 + (c - '0');
        }
        if (!digit || fraction > MAX_FRACTION) {
            return slow(text, offset, length);
        }
        return exact(mantissa, fraction, negative);
    }

    /**
     * The double of {@code ±mantissa / 10^fraction}, correctly rounded, for a mantissa of at most
     * {@value #MAX_DIGITS} significant digits and at most {@value #MAX_FRACTION} fraction digits (the caller checks;
     * a negative {@code fraction} means none).
     */
    static double exact(long mantissa, int fraction, boolean negative) {
        double value = fraction <= 0 ? (double) mantissa : (double) mantissa / POWERS_OF_TEN[fraction];
        return negative ? -value : value;
    }

    private static double slow(char[] text, int offset, int length) {
        return Double.parseDouble(new String(text, offset, length));
    }
}
