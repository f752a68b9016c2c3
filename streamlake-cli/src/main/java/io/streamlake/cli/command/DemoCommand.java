package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.connect.ConnectorSubmission;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.context.UsageException;
import io.streamlake.cli.output.DemoScreen;
import io.streamlake.cli.output.RecordView;
import io.streamlake.cli.produce.JsonLines;
import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestStreamUseCase;
import io.streamlake.embedded.EmbeddedConnectWorker;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.kafka.read.KafkaDeadLetterSource;
import io.streamlake.kafka.read.ReadOptions;
import io.streamlake.kafka.read.TopicReader;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.schema.catalog.CatalogEntry;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.compat.SchemaPreflight;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline in one command on an embedded broker and registry, printed on one screen. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The whole pipeline on a local broker and registry: provision the orders topics, register the schemas,",
            "ingest examples/orders.jsonl, read RAW and DLQ back, and show partitions, keys, dead letters and headers.",
            "--serialization avro writes Avro in the Confluent wire format. --connect ingests through a Kafka Connect",
            "worker with the StreamLake file source connector instead of the in-process producer."
        })
public final class DemoCommand implements Callable<Integer> {

    static final DatasetName ORDERS = DatasetName.of("orders");
    static final String BUNDLED = "/examples/orders.jsonl";

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(
            names = "--file",
            paramLabel = "PATH",
            description = "Events to ingest (default: examples/orders.jsonl, else the bundled copy).")
    Path file;

    @Option(
            names = "--key-field",
            paramLabel = "FIELD",
            defaultValue = "order_id",
            description = "Key field (default ${DEFAULT-VALUE}).")
    String keyField;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "3",
            description = "Partitions of the orders topics (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--connect",
            description =
                    "Ingest through a local Kafka Connect worker (the StreamLake file source connector) instead of "
                            + "the in-process producer.")
    boolean connect;

    @Option(
            names = "--tasks",
            paramLabel = "N",
            defaultValue = "2",
            description = "With --connect: the connector's tasks.max (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(
            names = "--plugin-path",
            paramLabel = "DIR",
            description = "With --connect: the worker's plugin.path, holding the unzipped StreamLake plugin "
                    + "(default: env STREAMLAKE_CONNECT_PLUGIN_PATH, which ./streamlake sets).")
    Path pluginPath;

    /** The demo connector's name. */
    static final String CONNECTOR = "streamlake-demo-orders";

    private final CliContext context;
    private final Invocation invocation;
    private final ConsoleStreams console;
    private final CliEnvironment environment;

    @Inject
    DemoCommand(CliContext context, Invocation invocation, ConsoleStreams console, CliEnvironment environment) {
        this.context = context;
        this.invocation = invocation;
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Path plugins = connect ? ConnectWorkers.pluginPath(pluginPath, environment) : null;
        if (tasks < 1) {
            throw new UsageException("--tasks must be at least 1, got " + tasks);
        }
        Path dir = Files.createTempDirectory("streamlake-demo");
        console.err()
                .println("starting a local Kafka broker and Schema Registry" + (connect ? " and a Connect worker" : "")
                        + " …");
        console.err().flush();
        try (InputStream in = open();
                EmbeddedStack stack = EmbeddedStack.start(dir)) {
            invocation.addFlag("bootstrap.servers", stack.bootstrapServers());
            invocation.addFlag("schema.registry.url", stack.registryUrl());
            invocation.addFlag("transport", "kafka");
            invocation.addFlag(KafkaAdapterConfig.TOPICS_PARTITIONS_CONFIG, Integer.toString(partitions));
            invocation.addFlag(KafkaAdapterConfig.TOPICS_REPLICATION_FACTOR_CONFIG, "1");
            DemoScreen screen =
                    new DemoScreen(console.out(), context.settings().core().topicNaming(), ORDERS);
            screen.header(
                    stack.bootstrapServers(),
                    stack.registryUrl(),
                    context.settings()
                            .config(io.streamlake.schema.config.SchemaConfig.class)
                            .serialization()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT));
            screen.provisioned(context.get(TopicProvisioner.class).ensureTopics(ORDERS));
            SchemaRegistryClient registry = context.get(SchemaRegistryClient.class);
            SchemaPreflight preflight = context.get(SchemaPreflight.class);
            for (CatalogEntry entry : context.get(SchemaCatalog.class).versions(ORDERS).stream()
                    .map(v -> context.get(SchemaCatalog.class).require(ORDERS, Optional.of(v)))
                    .toList()) {
                String subject = preflight.subject(entry);
                screen.registered(entry.label(), subject, registry.register(subject, entry.schema()));
            }
            if (connect) {
                return throughConnect(in, stack, plugins, dir, screen);
            }
            BatchSummary summary = context.get(IngestStreamUseCase.class).ingestAll(commands(in), result -> {});
            screen.ingested(summary);
            readBack(screen);
            screen.print();
            return summary.allAcknowledged() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        } finally {
            context.close();
            deleteQuietly(dir);
        }
    }

    /**
     * Ingests through a Connect worker: the events go to a file the worker reads with the StreamLake file source
     * connector; once its committed offsets say the whole file was read, RAW and DLQ are read back.
     */
    private int throughConnect(InputStream in, EmbeddedStack stack, Path plugins, Path dir, DemoScreen screen)
            throws IOException {
        Path input = Files.createDirectories(dir.resolve("input")).resolve("orders.jsonl");
        Files.copy(in, input);
        screen.sourceDirectory(input.getParent().toString());
        try (EmbeddedConnectWorker worker = ConnectWorkers.start(
                stack.bootstrapServers(), plugins, 0, "streamlake-demo-connect", dir.resolve("connect/connect.log"))) {
            ConnectorSubmission.Outcome outcome = ConnectorSubmission.put(
                    worker.url(),
                    CONNECTOR,
                    ConnectorSubmission.fileSource(
                            context.settings().given(), ORDERS.value(), List.of(input), tasks, keyField),
                    () -> {});
            awaitRecords(worker.url(), lines(input), Duration.ofSeconds(90));
            readBack(screen);
            screen.ingestedThroughConnect(worker.url(), CONNECTOR, tasks, outcome.exactlyOnce());
            screen.print();
            return CommandLine.ExitCode.OK;
        }
    }

    /**
     * Waits until RAW and the DLQ hold a record for each line (every line ends on one of them), or a task failed.
     * Progress is read from the topics: the source offsets the REST API reports are not needed for that.
     */
    private void awaitRecords(String url, long expected, Duration timeout) {
        KafkaAdapterConfig kafka = context.settings().config(KafkaAdapterConfig.class);
        TopicReader reader = new TopicReader(kafka);
        var naming = context.settings().core().topicNaming();
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = 0;
        while (System.nanoTime() < deadline) {
            ConnectorSubmission.requireNoFailedTask(url, CONNECTOR);
            ReadOptions count = ReadOptions.snapshot(Long.MAX_VALUE, Duration.ofSeconds(2));
            seen = reader.read(naming.raw(ORDERS), count, r -> {})
                    + reader.read(naming.deadLetter(ORDERS), count, r -> {});
            if (seen >= expected) {
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.streamlake.core.domain.FatalStreamLakeException("interrupted", e);
            }
        }
        throw new io.streamlake.core.domain.FatalStreamLakeException("connector " + CONNECTOR + " on " + url
                + " did not write its " + expected + " lines within " + timeout.toSeconds() + " s (" + seen
                + " records on RAW and the DLQ)");
    }

    /** The lines the connector reads: the non-blank ones. */
    private static long lines(Path file) throws IOException {
        try (var lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    private void readBack(DemoScreen screen) {
        {
            KafkaAdapterConfig kafka = context.settings().config(KafkaAdapterConfig.class);
            new TopicReader(kafka)
                    .read(
                            context.settings().core().topicNaming().raw(ORDERS),
                            ReadOptions.snapshot(Long.MAX_VALUE, Duration.ofSeconds(10)),
                            record -> screen.raw(RecordView.of(record, () -> context.get(AvroWireDecoder.class))));
            new KafkaDeadLetterSource(kafka, context.settings().core().topicNaming())
                    .readAll(ORDERS, Long.MAX_VALUE, screen::deadLetter);
        }
    }

    private InputStream open() throws IOException {
        Path path = file != null
                ? environment.workingDirectory().resolve(file)
                : environment.workingDirectory().resolve("examples/orders.jsonl");
        if (Files.isRegularFile(path)) {
            return new BufferedInputStream(Files.newInputStream(path));
        }
        if (file != null) {
            throw new UsageException("file " + file + " does not exist");
        }
        InputStream bundled = DemoCommand.class.getResourceAsStream(BUNDLED);
        if (bundled == null) {
            throw new IllegalStateException("the bundled " + BUNDLED + " is missing from this build");
        }
        return new BufferedInputStream(bundled);
    }

    private Iterator<IngestCommand> commands(InputStream in) {
        JsonLines lines = new JsonLines(in);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public IngestCommand next() {
                return IngestCommand.keyedBy(ORDERS, keyField, lines.next());
            }
        };
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
