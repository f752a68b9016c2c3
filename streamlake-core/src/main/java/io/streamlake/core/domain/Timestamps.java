package io.streamlake.core.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** ISO-8601 UTC text for instants, as written in {@code event_time}, {@code dlq_failed_at} and the DLQ value. */
public final class Timestamps {

    private Timestamps() {
    }

    /** E.g. {@code 2026-11-27T11:30:00.123Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Parses what {@link #format} writes. */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
