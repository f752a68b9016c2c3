package io.streamlake.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What one run of the bench measures. */
public enum Scenario {
    /** Raw {@code KafkaProducer<byte[], byte[]>}, pre-serialized values and precomputed headers: the limit. */
    A("raw kafka-clients"),
    /** StreamLake through the core's stream ingestion, JSON, validation on. */
    B("streamlake json"),
    /** StreamLake through the core's stream ingestion, Avro via the registry (ids cached). */
    C("streamlake avro"),
    /** The seed's pattern: raw producer, {@code flush()} after every event (small N). */
    D("flush per event"),
    /** Whole processes: {@code streamlake produce --file} vs Kafka's {@code ConsoleProducer} on the same file. */
    E("processes");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Parses {@code A,B,C} (case-insensitive). */
    public static Set<Scenario> parseList(String text) {
        Set<Scenario> out = EnumSet.noneOf(Scenario.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                try {
                    out.add(valueOf(p.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown scenario '" + p + "': expected some of A,B,C,D,E", e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no scenario given: expected some of A,B,C,D,E");
        }
        return out;
    }
}
