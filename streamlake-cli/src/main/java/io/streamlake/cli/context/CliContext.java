package io.streamlake.cli.context;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Injectors;
import io.streamlake.runtime.Lifecycle;
import io.streamlake.runtime.StreamLakeModule;
import io.streamlake.runtime.Transports;
import io.streamlake.runtime.config.Settings;
import io.streamlake.runtime.config.SettingsLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
    private volatile Injector injector;
    private final List<Prepared> prepared = new ArrayList<>();

    @Inject
    CliContext(Invocation invocation, CliEnvironment environment, ConsoleStreams console, Transports transports) {
        this.invocation = invocation;
        this.environment = environment;
        this.console = console;
        this.transports = transports;
    }

    /**
     * @throws io.streamlake.runtime.config.InvalidSettingsException naming the key (exit 2)
     */
    public Settings settings() {
        if (settings == null) {
            SettingsLoader loader = new SettingsLoader(transports.configSections())
                    .env(environment.variables())
                    .flags(invocation.flags());
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

    /**
     * Starts creating {@code type} (and what it needs, as {@link #get} would) on a background thread, so that a slow
     * creation — the Kafka transport's connectivity check and producer — overlaps with the main thread's own work
     * (loading the schema catalog). {@link Prepared#join()} waits for it and throws what {@link #get} would have
     * thrown; {@link #close()} interrupts and waits for one not joined. The injector is created on the calling thread.
     *
     * @throws io.streamlake.runtime.config.InvalidSettingsException when the settings are invalid (nothing started)
     */
    public Prepared prepare(Class<?> type) {
        get(Settings.class);
        Prepared p = new Prepared(new FutureTask<>(() -> get(type)), "streamlake-prepare-" + type.getSimpleName());
        prepared.add(p);
        p.thread.start();
        return p;
    }

    /** Something being created on a background thread by {@link #prepare}. */
    public static final class Prepared {
        private final FutureTask<Object> task;
        private final Thread thread;

        private Prepared(FutureTask<Object> task, String name) {
            this.task = task;
            this.thread = new Thread(task, name);
            this.thread.setDaemon(true);
        }

        /** Waits until it is created; rethrows its failure (the exception {@link CliContext#get} would throw). */
        public void join() {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
            }
        }

        private void stop() {
            if (!task.isDone()) {
                thread.interrupt();
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Transports transports() {
        return transports;
    }

    @Override
    public void close() {
        prepared.forEach(Prepared::stop);
        if (injector != null) {
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
