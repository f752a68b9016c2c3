package io.streamlake.core.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ISO-8601 UTC text for instants, as written in {@code event_time}, {@code dlq_failed_at} and the DLQ value. */
public final class Timestamps {

    /** 9999-12-31T23:59:59Z: up to here the text has a four-digit year and no sign. */
    private static final long MAX_PLAIN_SECOND = 253_402_300_799L;

    /**
     * The text up to the seconds ({@code 2026-11-27T11:30:00}, always 19 characters) of the last second formatted.
     * Events of a stream share their second, so formatting is then a copy and the fraction; immutable, replaced as a
     * whole.
     */
    private static volatile SecondText lastSecond = new SecondText(0);

    private Timestamps() {}

    /**
     * E.g. {@code 2026-11-27T11:30:00.123Z}: exactly {@link DateTimeFormatter#ISO_INSTANT}'s text (the fraction in
     * groups of three digits, as many as needed, none when zero). Thread-safe.
     */
    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < 0 || second > MAX_PLAIN_SECOND) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        return new String(plain(second, instant.getNano()), StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link #format}'s text as US-ASCII bytes (which are its UTF-8 bytes too), as the {@code event_time} header
     * carries it. It runs once per event, so for years 1970–9999 it writes the bytes directly: no formatter, no
     * intermediate {@code String}. Thread-safe.
     */
    public static byte[] formatAscii(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < 0 || second > MAX_PLAIN_SECOND) {
            return DateTimeFormatter.ISO_INSTANT.format(instant).getBytes(StandardCharsets.US_ASCII);
        }
        return plain(second, instant.getNano());
    }

    /** A multiple of 64, so that millisecond and microsecond fractions have it too: see {@link #plain}. */
    private static final int REFRESH_BITS = 0x740;

    /** Divisors of the nanoseconds by the number of trailing zero groups of three digits (none, 1, 2, all 3). */
    private static final int[] DIVISORS = {1, 1_000, 1_000_000, 1_000_000_000};

    /**
     * Years 1970-9999: the second's cached text, then the fraction's digits in groups of three, then 'Z'.
     *
     * <p>It has a single branch, which rebuilds the cached text when the second changed and also when the low 12 bits
     * of {@code nano} are {@value #REFRESH_BITS} (one value in 4,096; in 512 at the system clock's microsecond precision,
     * in 64 at millisecond precision; never for whole seconds). So the branch is taken while the JIT profiles, and it
     * is compiled as code: a path never taken while the JIT profiled (a new second, a fraction of whole milliseconds,
     * none at all) is compiled as a trap that throws the compiled caller away when it is first taken, and the caller is
     * compiled again. The fraction's width is computed without branching for the same reason.
     */
    private static byte[] plain(long second, int nano) {
        SecondText prefix = lastSecond;
        long changed = prefix.second ^ second;
        if ((((changed | -changed) >>> 63) | ((((nano & 0xFFF) ^ REFRESH_BITS) - 1) >>> 31)) != 0) {
            prefix = new SecondText(second);
            lastSecond = prefix;
        }
        // 1 for each trailing group of three zero digits: a whole microsecond, a whole millisecond, no fraction
        int wholeMicros = ((nano % 1_000) - 1) >>> 31;
        int wholeMillis = ((nano % 1_000_000) - 1) >>> 31;
        int none = (nano - 1) >>> 31;
        int zeroGroups = wholeMicros + wholeMillis + none;
        int width = 9 - 3 * zeroGroups;
        int value = nano / DIVISORS[zeroGroups];
        int length = SecondText.LENGTH;
        // the prefix, '.', the digits and 'Z'; without a fraction, the prefix and 'Z' (written over the '.')
        byte[] out = new byte[length + width + 2 - none];
        System.arraycopy(prefix.ascii, 0, out, 0, length);
        out[length] = '.';
        for (int i = length + width; i > length; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        out[out.length - 1] = 'Z';
        return out;
    }

    /** Parses what {@link #format} writes. */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    private static final class SecondText {
        /** {@code yyyy-MM-ddTHH:mm:ss}. */
        static final int LENGTH = 19;

        final long second;
        final byte[] ascii;

        SecondText(long second) {
            this.second = second;
            String text = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            // LocalDateTime leaves out zero seconds (2026-11-27T11:30)
            this.ascii = (text.length() == LENGTH ? text : text + ":00").getBytes(StandardCharsets.US_ASCII);
        }
    }
}
