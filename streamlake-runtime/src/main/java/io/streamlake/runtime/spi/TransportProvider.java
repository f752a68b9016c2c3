package io.streamlake.runtime.spi;

import com.google.inject.Module;
import io.streamlake.runtime.config.Settings;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A transport: where events and dead letters go. Found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.streamlake.runtime.spi.TransportProvider}) and selected by {@link #name()} with
 * {@code transport=NAME} or {@code --transport NAME}.
 *
 * <p>The {@link #module} must bind {@link io.streamlake.core.port.out.EventPublisher} and
 * {@link io.streamlake.core.port.out.DeadLetterPort} (as singletons; register what must be closed with
 * {@link io.streamlake.runtime.Lifecycle}); it may bind {@link io.streamlake.core.port.out.DeadLetterSource}
 * (reads a DLQ back) and {@link io.streamlake.core.port.out.DeadLetterBacklog} (enables {@code dlq replay}). Implementations need a public no-argument constructor; methods are called
 * once per start, from one thread.
 */
public interface TransportProvider {

    /** The name users select it by, e.g. {@code kafka}; lower-case letters, digits and '-'. */
    String name();

    /** One line for {@code --help} and the configuration reference. */
    String description();

    /** The transport's own keys, validated and documented with the rest; none by default. */
    default ConfigDef configDef() {
        return new ConfigDef();
    }

    /**
     * The Guice module binding the transport's ports.
     *
     * @param settings the effective configuration (the transport's keys included)
     */
    Module module(Settings settings);
}
