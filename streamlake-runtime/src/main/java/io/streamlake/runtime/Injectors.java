package io.streamlake.runtime;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import java.util.function.Supplier;

/**
 * Creates injectors and gives back the exception a provider threw (a {@code StreamLakeException}, an
 * {@code InvalidSettingsException}) instead of Guice's wrapper, so callers see one meaningful message.
 */
public final class Injectors {

    private Injectors() {}

    public static Injector create(Module... modules) {
        try {
            return Guice.createInjector(Stage.DEVELOPMENT, modules);
        } catch (CreationException e) {
            throw cause(
                    e.getErrorMessages().stream()
                            .map(Message::getCause)
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null),
                    e);
        }
    }

    /** Runs {@code action}, rethrowing the cause of a Guice {@link ProvisionException}. */
    public static <T> T unwrap(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProvisionException e) {
            throw cause(
                    e.getErrorMessages().stream()
                            .map(Message::getCause)
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null),
                    e);
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static RuntimeException cause(Throwable cause, RuntimeException wrapper) {
        Throwable current = cause;
        while (current instanceof ProvisionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current instanceof RuntimeException runtime ? runtime : wrapper;
    }
}
