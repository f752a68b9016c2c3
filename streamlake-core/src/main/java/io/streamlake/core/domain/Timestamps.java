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

    /** Years 1970-9999: the second's cached text, then the fraction's digits in groups of three, then 'Z'. */
    private static byte[] plain(long second, int nano) {
        SecondText prefix = lastSecond;
        if (prefix.second != second) {
            prefix = new SecondText(second);
            lastSecond = prefix;
        }
        int width = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        int value = width == 3 ? nano / 1_000_000 : width == 6 ? nano / 1_000 : nano;
        int length = SecondText.LENGTH;
        byte[] out = new byte[length + (width == 0 ? 0 : 1 + width) + 1];
        System.arraycopy(prefix.ascii, 0, out, 0, length);
        if (width > 0) {
            out[length] = '.';
            for (int i = length + width; i > length; i--) {
                out[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
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
