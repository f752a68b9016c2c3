package io.streamlake.cli;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import io.streamlake.wiring.ConsoleStreams;
import io.streamlake.wiring.Injectors;
import io.streamlake.wiring.Lifecycle;
import io.streamlake.wiring.StreamLakeModule;
import io.streamlake.wiring.Transports;
import io.streamlake.wiring.config.ConfigSections;
import io.streamlake.wiring.config.Settings;
import io.streamlake.wiring.config.SettingsLoader;

/**
 * The run's StreamLake: the settings, loaded on first use from the {@link Invocation}, the environment and the
 * properties file, and an injector with {@link StreamLakeModule} created on first use, so that parsing and
 * {@code --help} need no configuration and nothing connects before a command asks for it. Closed after the
 * command. Used from the main thread.
 */
@Singleton
public final class CliContext implements AutoCloseable {

    private final Invocation invocation;
    private final CliEnvironment environment;
    private final ConsoleStreams console;
    private final Transports transports;
    private Settings settings;
    private Injector injector;

    @Inject
    CliContext(Invocation invocation, CliEnvironment environment, ConsoleStreams console, Transports transports) {
        this.invocation = invocation;
        this.environment = environment;
        this.console = console;
        this.transports = transports;
    }

    /**
     * @throws io.streamlake.wiring.config.InvalidSettingsException naming the key (exit 2)
     */
    public Settings settings() {
        if (settings == null) {
            SettingsLoader loader = new SettingsLoader(ConfigSections.all(transports.all()))
                    .env(environment.variables()).flags(invocation.flags());
            if (invocation.configFile() != null) {
                loader.file(environment.workingDirectory().resolve(invocation.configFile()));
            } else {
                loader.optionalFile(environment.workingDirectory().resolve("streamlake.properties"));
            }
            settings = loader.load();
            transports.get(settings.core().transport());
        }
        return settings;
    }

    /**
     * An object of the run's StreamLake (a use case, a port, the registry client), created on first request.
     *
     * @throws io.streamlake.core.domain.StreamLakeException when creating it needs a connection that fails
     */
    public <T> T get(Class<T> type) {
        if (injector == null) {
            injector = Injectors.create(new StreamLakeModule(settings(), console, transports));
        }
        return Injectors.unwrap(() -> injector.getInstance(type));
    }

    public Transports transports() {
        return transports;
    }

    @Override
    public void close() {
        if (injector != null) {
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
