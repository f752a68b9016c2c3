package io.streamlake.core.testing;

import io.streamlake.core.port.out.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link IdGenerator} giving {@code id-1}, {@code id-2}, … so tests can name events. */
public final class SequentialIdGenerator implements IdGenerator {

    private final AtomicLong next = new AtomicLong(1);

    @Override
    public String newIngestionId() {
        return "id-" + next.getAndIncrement();
    }
}
