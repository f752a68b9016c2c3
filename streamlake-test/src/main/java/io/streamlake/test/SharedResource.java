package io.streamlake.test;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value kept in JUnit's root store for the whole test run, with what stops it (see
 * {@link StreamLakeExtension#shared}). JUnit (5.13+) closes {@link AutoCloseable} store values when the root
 * context closes, i.e. after the JVM's last test class.
 *
 * @param <T> the value handed to tests
 */
public final class SharedResource<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedResource.class);

    private final T value;
    private final String description;
    private final AutoCloseable stopper;

    /**
     * @param value       what tests get
     * @param description what it is, for the log line written when it stops
     * @param stopper     stops it; called once, after the JVM's last test
     */
    public SharedResource(T value, String description, AutoCloseable stopper) {
        this.value = Objects.requireNonNull(value, "value");
        this.description = Objects.requireNonNull(description, "description");
        this.stopper = Objects.requireNonNull(stopper, "stopper");
    }

    public T value() {
        return value;
    }

    @Override
    public void close() {
        LOG.info("Stopping shared {}", description);
        try {
            stopper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping shared " + description, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop shared " + description, e);
        }
    }
}
