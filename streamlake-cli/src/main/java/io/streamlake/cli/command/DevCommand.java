package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.UsageException;
import io.streamlake.embedded.EmbeddedConnectWorker;
import io.streamlake.runtime.ConsoleStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs a local Kafka broker and Schema Registry in the foreground until Ctrl-C, on fixed ports (the next free one
 * when a port is taken, said on stderr) with their data kept in the data directory across runs. With {@code
 * --connect}, also a Kafka Connect distributed worker with the StreamLake plugin, whose connectors and offsets are
 * kept in the broker.
 */
@Command(
        name = "dev",
        mixinStandardHelpOptions = true,
        description =
                "Run a local Kafka broker (KRaft) and Schema Registry (Apicurio) in the foreground, no Docker; Ctrl-C stops them. "
                        + "Topics, records and schemas are kept in the data directory for the next run. --connect also "
                        + "runs a Kafka Connect worker with the StreamLake plugin.")
public final class DevCommand implements Callable<Integer> {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamlake/dev",
            description = "Where the broker and the registry keep their data across runs (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--kafka-port",
            paramLabel = "PORT",
            defaultValue = "9092",
            description = "Kafka's port on localhost; the next free one when taken (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--registry-port",
            paramLabel = "PORT",
            defaultValue = "8081",
            description =
                    "The Schema Registry's port on 127.0.0.1; the next free one when taken (default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(
            names = "--connect",
            description = "Also run a Kafka Connect distributed worker with the StreamLake plugin "
                    + "(see 'streamlake connect submit').")
    boolean connect;

    @Option(
            names = "--connect-port",
            paramLabel = "PORT",
            defaultValue = "8083",
            description =
                    "The Connect worker's REST port on 127.0.0.1; the next free one when taken (default ${DEFAULT-VALUE}).")
    int connectPort;

    @Option(
            names = "--plugin-path",
            paramLabel = "DIR",
            description = "The Connect worker's plugin.path, holding the unzipped StreamLake plugin "
                    + "(default: env STREAMLAKE_CONNECT_PLUGIN_PATH, which ./streamlake sets).")
    Path pluginPath;

    @Option(
            names = "--fresh",
            description = "Delete the data directory first: no topics, records or schemas from earlier runs.")
    boolean fresh;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            hidden = true,
            description = "Stop by itself after this long (ISO-8601).")
    Duration duration;

    @Spec
    CommandSpec spec;

    /** The dev worker's group: its connectors and offsets are kept in the broker across runs. */
    static final String DEV_GROUP = "streamlake-dev-connect";

    private final ConsoleStreams console;
    private final CliEnvironment environment;

    @Inject
    DevCommand(ConsoleStreams console, CliEnvironment environment) {
        this.console = console;
        this.environment = environment;
    }

    /**
     * {@code --fresh} deletes only what {@code dev} wrote: a missing or empty directory, or one that holds dev's
     * {@code kafka/}, {@code registry/} or {@code connect/} and nothing else.
     */
    static void requireDevDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> others = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("kafka") && !name.equals("registry") && !name.equals("connect"))
                    .toList();
            if (!others.isEmpty()) {
                throw new UsageException(
                        "--fresh would delete " + dir + ", which is not a dev data directory (it holds "
                                + String.join(", ", others) + "); give --data-dir a directory of its own");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Path dir =
                environment.workingDirectory().resolve(dataDir).toAbsolutePath().normalize();
        int kafka = choosePort("Kafka", kafkaPort, Set.of());
        int registry = choosePort("the Schema Registry", registryPort, Set.of(kafka));
        Path plugins = connect ? ConnectWorkers.pluginPath(pluginPath, environment) : null;
        int connectRest = connect ? choosePort("the Connect worker", connectPort, Set.of(kafka, registry)) : 0;
        if (fresh) {
            requireDevDirectory(dir);
            deleteRecursively(dir);
            console.err().println("--fresh: deleted " + dir);
        }
        console.err()
                .println("starting Kafka, the Schema Registry" + (connect ? " and a Connect worker" : "") + " (data in "
                        + dir + ") …");
        console.err().flush();
        EmbeddedStack stack = EmbeddedStack.startKept(dir, kafka, registry);
        Path connectLog = dir.resolve("connect").resolve("connect.log");
        EmbeddedConnectWorker worker;
        try {
            worker = connect
                    ? ConnectWorkers.start(stack.bootstrapServers(), plugins, connectRest, DEV_GROUP, connectLog)
                    : null;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        Runnable stop = () -> {
            try {
                if (worker != null) {
                    worker.close();
                }
            } finally {
                stack.close();
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.run();
                    stopped.countDown();
                },
                "streamlake-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        console.out().println("Kafka bootstrap servers: " + stack.bootstrapServers());
        console.out().println("Schema Registry URL:     " + stack.registryUrl());
        console.out().println("data directory:          " + dir);
        console.out().println("registry log:            " + stack.registryLog());
        if (worker != null) {
            console.out().println("Connect REST URL:        " + worker.url());
            console.out().println("Connect plugin path:     " + plugins);
            console.out().println("Connect log:             " + connectLog);
        }
        console.out().println();
        console.out()
                .println("export KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers() + " SCHEMA_REGISTRY_URL="
                        + stack.registryUrl() + (worker == null ? "" : " STREAMLAKE_CONNECT_URL=" + worker.url()));
        console.out().println();
        console.out().println("Press Ctrl-C to stop.");
        console.out().flush();
        boolean byHook;
        try {
            byHook = duration == null ? await(stopped) : stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
            throw e;
        }
        if (!byHook) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
            console.err().println("stopped");
            console.err().flush();
        }
        return 0;
    }

    private int choosePort(String server, int wanted, Set<Integer> reserved) {
        if (wanted < 1 || wanted > 65535) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "port must be between 1 and 65535, got " + wanted);
        }
        int port = DevPorts.firstFree(wanted, reserved);
        if (port != wanted) {
            console.err().println("port " + wanted + " is taken; " + server + " listens on " + port + " instead");
        }
        return port;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + " (--fresh): " + e.getMessage(), e);
        }
    }

    private static boolean await(CountDownLatch latch) throws InterruptedException {
        latch.await();
        return true;
    }
}
