package io.streamlake.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.Invocation;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;

/** What the commands are built from: the console, the environment, this run's {@link Invocation} and context. */
public final class CliModule extends AbstractModule {

    private final ConsoleStreams console;
    private final CliEnvironment environment;
    private final Transports transports;

    CliModule(ConsoleStreams console, CliEnvironment environment, Transports transports) {
        this.console = console;
        this.environment = environment;
        this.transports = transports;
    }

    @Override
    protected void configure() {
        bind(ConsoleStreams.class).toInstance(console);
        bind(CliEnvironment.class).toInstance(environment);
        bind(Transports.class).toInstance(transports);
        bind(Invocation.class).in(Singleton.class);
    }

    @Provides
    java.io.PrintWriter out() {
        return console.out();
    }
}
