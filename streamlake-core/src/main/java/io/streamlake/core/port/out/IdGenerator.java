package io.streamlake.core.port.out;

import io.streamlake.core.support.RandomUuids;
import java.util.UUID;

/** Makes ingestion ids. A seam so tests are deterministic; the default is a random UUID. Thread-safe. */
@FunctionalInterface
public interface IdGenerator {

    String newIngestionId();

    /**
     * Random (version 4) UUIDs, as {@link UUID#randomUUID()} makes them, from the operating system's CSPRNG
     * ({@link RandomUuids}).
     */
    static IdGenerator randomUuids() {
        RandomUuids uuids = RandomUuids.shared();
        return () -> uuids.next().toString();
    }
}
