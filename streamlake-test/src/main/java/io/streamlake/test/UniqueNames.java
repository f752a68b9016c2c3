package io.streamlake.test;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Names that no other test of this JVM, nor an earlier run against the same external cluster, uses. */
final class UniqueNames {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);

    private UniqueNames() {}

    /**
     * {@code base} with characters other than {@code [A-Za-z0-9._-]} replaced by {@code _}, then
     * {@code -<run>-<n>}: valid as a topic, group or subject name.
     */
    static String of(String base) {
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("base name must not be blank");
        }
        String clean = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return clean + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
