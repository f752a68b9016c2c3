package io.streamlake.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a StreamLake instance must close when it stops, closed in reverse order of registration. Modules
 * register the resources they create (producers, clients). Thread-safe; {@link #close()} is idempotent.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    /** Registers {@code resource} and returns it. */
    public synchronized <T extends AutoCloseable> T register(T resource) {
        if (closed) {
            throw new IllegalStateException("already closed");
        }
        resources.push(resource);
        return resource;
    }

    /** Closes everything registered, newest first; a failure to close one does not stop the others. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
