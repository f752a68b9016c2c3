package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.context.UsageException;
import io.streamlake.cli.output.OutputFormat;
import io.streamlake.cli.output.ProduceReport;
import io.streamlake.cli.output.ProduceSummary;
import io.streamlake.cli.output.Progress;
import io.streamlake.cli.produce.DatasetCheck;
import io.streamlake.cli.produce.ExactlyOnceRun;
import io.streamlake.cli.produce.ExactlyOnceStart;
import io.streamlake.cli.produce.ProduceInput;
import io.streamlake.cli.produce.ProduceRun;
import io.streamlake.cli.produce.ResumePoint;
import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCheckpointedUseCase;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.IngestStreamUseCase;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.ExactlyOnceFiles;
import io.streamlake.runtime.config.CoreConfig;
import io.streamlake.runtime.metrics.IngestionCounts;
import io.streamlake.runtime.transport.StdoutTransportProvider;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.config.SchemaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes one event, or a JSON Lines file streamed line by line, and reports what was acknowledged. */
@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        description = {
            "Publish one event (--payload) or a JSON Lines file or stdin (--file PATH|-), streamed line by line.",
            "Every event ends in its dataset's RAW topic or its DLQ; events not acknowledged are listed and written to a re-run file."
        })
public final class ProduceCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "The dataset, e.g. orders.")
    DatasetName dataset;

    static final class Input {
        @Option(names = "--payload", paramLabel = "JSON", required = true, description = "One event's payload.")
        String payload;

        @Option(
                names = "--file",
                paramLabel = "PATH|-",
                required = true,
                description = "JSON Lines, one event a line; - reads stdin.")
        String file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--key", paramLabel = "KEY", description = "The event's key.")
    String key;

    @Option(
            names = "--key-field",
            paramLabel = "FIELD",
            description = "Take each event's key from this top-level payload field.")
    String keyField;

    @Option(
            names = "--schema-version",
            paramLabel = "vN",
            description = "Validate against this version (default: the dataset's latest).")
    SchemaVersion schemaVersion;

    @Option(
            names = "--failed-file",
            paramLabel = "PATH",
            description =
                    "Where events not acknowledged go (default: ./streamlake-failed-<timestamp>.jsonl, only when there are some).")
    Path failedFile;

    @Option(
            names = "--resume",
            description = "Continue an interrupted or partly failed --file run: send the lines it did not get "
                    + "acknowledged, then the file from the first line it did not read (resume point in "
                    + ".streamlake/<file>.resume next to the file; with delivery.guarantee=exactly-once, the "
                    + "checkpoint committed last on Kafka). A file that changed since is refused.")
    boolean resume;

    @Option(
            names = "--output",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Summary as text (default) or json.")
    OutputFormat output;

    private final CliContext context;
    private final ConsoleStreams console;
    private final CliEnvironment environment;

    @Inject
    ProduceCommand(CliContext context, ConsoleStreams console, CliEnvironment environment) {
        this.context = context;
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        if (key != null && keyField != null) {
            throw new UsageException("give --key or --key-field, not both");
        }
        if (resume && (input.payload != null || input.file.equals("-"))) {
            throw new UsageException(
                    input.payload != null
                            ? "--resume continues a --file run; it does not apply to --payload"
                            : "stdin cannot be resumed: --resume needs --file PATH");
        }
        CoreConfig config = context.settings().core();
        if (config.exactlyOnce()) {
            return exactlyOnce(config);
        }
        try (ProduceInput in = open()) {
            IngestStreamUseCase ingest = wire();
            prepareSchema();
            CoreConfig core = context.settings().core();
            try (ProduceReport report = new ProduceReport(failedPath(in))) {
                Runnable printSummary = () -> printSummary(report);
                if (in == null) {
                    BatchSummary summary = ingest.ingestAll(
                            List.of(command(input.payload.getBytes(StandardCharsets.UTF_8)))
                                    .iterator(),
                            report);
                    report.finish();
                    printSummary.run();
                    return summary.allAcknowledged() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
                }
                Progress progress = new Progress(console, report, core.progressIntervalMs());
                return new ProduceRun(in, report, progress, console, core.shutdownTimeoutMs(), printSummary)
                        .run(lines -> ingest.ingestAll(commands(lines, in), report));
            }
        }
    }

    /**
     * {@code delivery.guarantee=exactly-once}: a regular file only; the run starts at the file's first line, or with
     * {@code --resume} at the checkpoint committed last on Kafka (a file changed since is refused, and so is a file
     * with the local resume point of an at-least-once run). Usage errors and settings are checked before the
     * transactional producer is initialized, except a changed file: its checkpoint is read after the initialization,
     * which fences a run of the same file still going.
     */
    private int exactlyOnce(CoreConfig config) throws IOException {
        String eos = CoreConfig.DELIVERY_GUARANTEE_CONFIG + "=" + CoreConfig.EXACTLY_ONCE;
        if (input.payload != null) {
            throw new UsageException(eos + " applies to produce --file PATH, not to --payload");
        }
        if (input.file.equals("-")) {
            throw new UsageException(eos + " needs --file PATH: standard input cannot be re-read from a checkpoint");
        }
        if (failedFile != null) {
            throw new UsageException("--failed-file does not apply with " + eos
                    + ": nothing is written to a re-run file, --resume reads again what was not committed");
        }
        Path path = environment.workingDirectory().resolve(input.file);
        ProduceInput.requireRegularFile(input.file, path, "with " + eos + " it must be re-read from a checkpoint");
        Path localResume = ResumePoint.location(path);
        if (resume && Files.exists(localResume)) {
            throw new UsageException("--resume with " + eos + " continues from the checkpoint on Kafka, but "
                    + localResume + " holds the resume point of an at-least-once run of " + input.file
                    + ": finish that run with --resume and without " + eos + ", or delete " + localResume);
        }
        context.get(IngestionSettings.class);
        DatasetCheck.requireKnown(context.get(SchemaModule.class).catalog(), dataset);
        prepareSchema();
        ExactlyOnceFiles files = context.get(ExactlyOnceFiles.class);
        if (resume) {
            // before open: opening fences a run of this file in progress elsewhere, which a refusal must not do
            Optional<FileCheckpoint> committed = files.committedCheckpoint(dataset, path);
            if (committed.isPresent()) {
                ExactlyOnceStart.requireUnchanged(input.file, path, committed.get());
            }
        }
        try (IngestCheckpointedUseCase file = files.open(dataset, path)) {
            ExactlyOnceStart start =
                    ExactlyOnceStart.of(input.file, path, file.lastCheckpoint(), resume, console.err());
            try (ProduceInput in = ProduceInput.fileAt(input.file, path, start.offset());
                    ProduceReport report = new ProduceReport(failedPath(in))) {
                Progress progress = new Progress(console, report, config.progressIntervalMs());
                return new ExactlyOnceRun(
                                in,
                                report,
                                progress,
                                console,
                                config.shutdownTimeoutMs(),
                                config.topicNaming().checkpoints(),
                                start.checkpoint(),
                                () -> printSummary(report))
                        .run(file, lines -> commands(lines, in));
            }
        }
    }

    private void printSummary(ProduceReport report) {
        IngestionCounts counts = IngestionCounts.read(context.get(MeterRegistry.class), dataset);
        if (report.exactlyOnce().isPresent()) {
            // only what was committed counts: the metrics saw the outcomes of aborted transactions too
            counts = new IngestionCounts(
                    report.published(),
                    report.deadLetteredByStage(),
                    report.failed(),
                    counts.ackLatencyP50(),
                    counts.ackLatencyP99());
        }
        // A dry run's records are the standard output (JSON lines for a pipe); its summary goes beside them.
        boolean dryRun =
                StdoutTransportProvider.NAME.equals(context.settings().core().transport());
        new ProduceSummary(report, counts).print(dryRun ? console.err() : console.out(), output == OutputFormat.JSON);
    }

    /**
     * The stream use case, its transport created on a background thread (for Kafka: the connectivity check, then the
     * producer) while this thread loads the schema catalog and checks that the dataset is in it. Failures surface in
     * this order: the ingestion settings, the catalog, an unknown dataset (exit 2), then the transport (e.g. an
     * unreachable cluster, exit 1).
     */
    private IngestStreamUseCase wire() {
        context.get(IngestionSettings.class);
        CliContext.Prepared transport = context.prepare(EventPublisher.class);
        DatasetCheck.requireKnown(context.get(SchemaModule.class).catalog(), dataset);
        transport.join();
        return context.get(IngestStreamUseCase.class);
    }

    /**
     * Avro only: the registry must answer, and the dataset's version is registered or checked before any event is
     * published (an incompatible version stops here, naming subject, version and reason). An unknown version is left
     * to validation, which dead-letters its events.
     */
    private void prepareSchema() {
        SchemaModule schemas = context.get(SchemaModule.class);
        if (schemas.serialization() != SchemaConfig.Serialization.AVRO) {
            return;
        }
        schemas.verifyRegistryReachable();
        List<SchemaVersion> known = schemas.catalog().versions(dataset);
        if (!known.isEmpty() && (schemaVersion == null || known.contains(schemaVersion))) {
            schemas.prepare(dataset, Optional.ofNullable(schemaVersion));
        }
    }

    private ProduceInput open() {
        if (input.payload != null) {
            return null;
        }
        if (input.file.equals("-")) {
            return ProduceInput.stdin(System.in);
        }
        return ProduceInput.file(input.file, environment.workingDirectory().resolve(input.file), resume);
    }

    /** The commands of {@code lines}, each with the file and line {@code source} says it came from. */
    private Iterator<IngestCommand> commands(Iterator<byte[]> lines, ProduceInput source) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public IngestCommand next() {
                byte[] line = lines.next();
                return command(line, source.lastSource());
            }
        };
    }

    private IngestCommand command(byte[] payload) {
        return command(payload, null);
    }

    /** @param source where the line came from, or null */
    private IngestCommand command(byte[] payload, EventSource source) {
        return new IngestCommand(
                dataset,
                key,
                keyField,
                payload,
                Optional.ofNullable(schemaVersion),
                Optional.empty(),
                java.util.Map.of(),
                Optional.empty(),
                Optional.ofNullable(source));
    }

    /**
     * The re-run file: --failed-file, or streamlake-failed-&lt;timestamp&gt;.jsonl in the working directory. Never the
     * re-run file a resumed run reads from (a second run within the same second would otherwise overwrite it).
     */
    private Path failedPath(ProduceInput in) {
        if (failedFile != null) {
            Path path = environment.workingDirectory().resolve(failedFile);
            if (in != null
                    && in.priorRerun()
                            .filter(p -> p.toAbsolutePath().equals(path.toAbsolutePath()))
                            .isPresent()) {
                throw new UsageException(
                        "--failed-file " + failedFile + " is the re-run file --resume reads; give another");
            }
            return path;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path path = environment.workingDirectory().resolve("streamlake-failed-" + stamp + ".jsonl");
        for (int n = 2; Files.exists(path); n++) {
            path = environment.workingDirectory().resolve("streamlake-failed-" + stamp + "-" + n + ".jsonl");
        }
        return path;
    }
}
