package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a local Kafka broker and Schema Registry in the foreground until Ctrl-C. */
@Command(
        name = "dev",
        mixinStandardHelpOptions = true,
        description =
                "Run a local Kafka broker (KRaft) and Schema Registry (Apicurio) in the foreground, no Docker; Ctrl-C stops them.")
public final class DevCommand implements Callable<Integer> {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamlake/dev",
            description =
                    "Where the broker and the registry keep their files while running (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            hidden = true,
            description = "Stop by itself after this long (ISO-8601).")
    Duration duration;

    private final ConsoleStreams console;
    private final CliEnvironment environment;

    @Inject
    DevCommand(ConsoleStreams console, CliEnvironment environment) {
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path dir =
                environment.workingDirectory().resolve(dataDir).toAbsolutePath().normalize();
        console.err().println("starting Kafka and the Schema Registry (data in " + dir + ") …");
        console.err().flush();
        EmbeddedStack stack = EmbeddedStack.start(dir);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stack.close();
                    stopped.countDown();
                },
                "streamlake-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        console.out().println("Kafka bootstrap servers: " + stack.bootstrapServers());
        console.out().println("Schema Registry URL:     " + stack.registryUrl());
        console.out().println("data directory:          " + dir);
        console.out().println("registry log:            " + stack.registryLog());
        console.out().println();
        console.out()
                .println("export KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers() + " SCHEMA_REGISTRY_URL="
                        + stack.registryUrl());
        console.out().println();
        console.out().println("Press Ctrl-C to stop.");
        console.out().flush();
        boolean byHook = duration == null ? await(stopped) : stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        if (!byHook) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stack.close();
            console.err().println("stopped");
            console.err().flush();
        }
        return 0;
    }

    private static boolean await(CountDownLatch latch) throws InterruptedException {
        latch.await();
        return true;
    }
}
