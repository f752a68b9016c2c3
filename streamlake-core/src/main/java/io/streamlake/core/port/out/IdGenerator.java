package io.streamlake.core.port.out;

import java.util.UUID;

/** Makes ingestion ids. A seam so tests are deterministic; the default is a random UUID. Thread-safe. */
@FunctionalInterface
public interface IdGenerator {

    String newIngestionId();

    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
