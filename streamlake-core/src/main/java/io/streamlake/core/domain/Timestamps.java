package io.streamlake.core.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ISO-8601 UTC text for instants, as written in {@code event_time}, {@code dlq_failed_at} and the DLQ value. */
public final class Timestamps {

    /** 9999-12-31T23:59:59Z: up to here the text has a four-digit year and no sign. */
    private static final long MAX_PLAIN_SECOND = 253_402_300_799L;

    /**
     * The text up to the seconds ({@code 2026-11-27T11:30:00}) of the last second formatted. Events of a stream
     * share their second, so formatting is then a copy and the fraction; immutable, replaced as a whole.
     */
    private static volatile SecondText lastSecond = new SecondText(0, "1970-01-01T00:00:00");

    private Timestamps() {
    }

    /**
     * E.g. {@code 2026-11-27T11:30:00.123Z}: exactly {@link DateTimeFormatter#ISO_INSTANT}'s text (the fraction in
     * groups of three digits, as many as needed, none when zero). It runs once or twice per event, so for years
     * 1970–9999 it avoids the formatter. Thread-safe.
     */
    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < 0 || second > MAX_PLAIN_SECOND) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        SecondText prefix = lastSecond;
        if (prefix.second != second) {
            prefix = new SecondText(second, LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString());
            lastSecond = prefix;
        }
        int nano = instant.getNano();
        StringBuilder out = new StringBuilder(prefix.text.length() + 11).append(prefix.text);
        if (prefix.text.length() == 16) {
            out.append(":00");
        }
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = width == 3 ? 100 : width == 6 ? 100_000 : 100_000_000; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    /** Parses what {@link #format} writes. */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    private static final class SecondText {
        final long second;
        final String text;

        SecondText(long second, String text) {
            this.second = second;
            this.text = text;
        }
    }
}
