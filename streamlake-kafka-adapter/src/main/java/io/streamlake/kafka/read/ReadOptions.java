package io.streamlake.kafka.read;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TopicReader#read} reads a topic.
 *
 * @param fromBeginning start at each partition's earliest offset; otherwise at its end (only new records)
 * @param max           stop after this many records
 * @param idleTimeout   stop when no record arrived for this long
 * @param untilEnd      stop once every partition reached the end offset it had when reading began
 */
public record ReadOptions(boolean fromBeginning, long max, Duration idleTimeout, boolean untilEnd) {

    public ReadOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
    }

    /** Everything there is now, from the beginning to the end offsets captured at the start. */
    public static ReadOptions snapshot(long max, Duration idleTimeout) {
        return new ReadOptions(true, max, idleTimeout, true);
    }
}
