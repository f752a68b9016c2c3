package io.streamlake.runtime;

import com.google.inject.AbstractModule;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.metrics.MetricsModule;
import io.streamlake.runtime.spi.TransportProvider;
import java.util.Objects;

/**
 * Everything StreamLake needs, for teams that use Guice: the settings, the codec ({@link SchemaCodecModule}),
 * the core use cases ({@link CoreIngestionModule}), Micrometer metrics ({@link MetricsModule}) and the transport named by {@code transport}, found with
 * {@link Transports}. Close the bound {@link Lifecycle} when done.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new StreamLakeModule(settings));
 * IngestEventUseCase ingest = injector.getInstance(IngestEventUseCase.class);
 * ...
 * injector.getInstance(Lifecycle.class).close();
 * }</pre>
 */
public final class StreamLakeModule extends AbstractModule {

    private final Settings settings;
    private final ConsoleStreams console;
    private final TransportProvider transport;

    /**
     * @throws io.streamlake.runtime.config.InvalidSettingsException naming {@code transport} when no transport of
     *         that name is on the class path (here, not inside Guice, so the caller gets the message itself)
     */
    public StreamLakeModule(Settings settings, ConsoleStreams console, Transports transports) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.console = Objects.requireNonNull(console, "console");
        this.transport = Objects.requireNonNull(transports, "transports")
                .get(settings.core().transport());
    }

    /** With the process's stdout/stderr and the transports on this class's class path. */
    public StreamLakeModule(Settings settings) {
        this(settings, ConsoleStreams.system(), Transports.discover());
    }

    @Override
    protected void configure() {
        bind(Settings.class).toInstance(settings);
        bind(ConsoleStreams.class).toInstance(console);
        bind(Lifecycle.class).toInstance(new Lifecycle());
        install(new SchemaCodecModule());
        install(new CoreIngestionModule());
        install(new MetricsModule());
        install(transport.module(settings));
    }
}
