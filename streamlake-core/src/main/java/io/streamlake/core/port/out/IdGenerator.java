package io.streamlake.core.port.out;

import java.util.UUID;

/** Makes ingestion ids. A seam so tests are deterministic; the default is a random UUID. Thread-safe. */
@FunctionalInterface
public interface IdGenerator {

    String newIngestionId();

    /** Random (version 4) UUIDs from a {@code SecureRandom}, as {@link UUID#randomUUID()} makes them. */
    static IdGenerator randomUuids() {
        return RandomUuids.INSTANCE;
    }
}
