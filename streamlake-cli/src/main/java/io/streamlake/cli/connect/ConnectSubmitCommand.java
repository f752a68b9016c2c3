package io.streamlake.cli.connect;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.context.UsageException;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.kafka.provision.ProvisioningResult;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.runtime.ConsoleStreams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Creates (or updates) a StreamLake file source connector on a Connect worker: has the worker validate the
 * configuration, provisions the dataset's topics, then puts it. Exactly-once when the worker supports it.
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Create or update a StreamLake JSON Lines source connector on a Kafka Connect worker. The worker validates",
            "the settings first; then the dataset's RAW and DLQ topics are provisioned (as 'streamlake topics create')",
            "and the connector is put. It gets the StreamLake settings given here (file, environment, --set) that it",
            "declares, byte-array converters, and exactly-once delivery when the worker has",
            "exactly.once.source.support=enabled (else at-least-once)."
        })
public final class ConnectSubmitCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset, e.g. orders.")
    String dataset;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "PATH",
            description = "JSON Lines input as the worker sees it: a file, a directory or a glob; comma-separated for "
                    + "several (input.path). Relative paths are made absolute here.")
    String input;

    @Option(
            names = "--tasks",
            paramLabel = "N",
            defaultValue = "1",
            description = "Most tasks reading in parallel (tasks.max; default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(
            names = "--key-field",
            paramLabel = "FIELD",
            description = "Take each event's key from this top-level payload field (key.field).")
    String keyField;

    @Option(names = "--name", paramLabel = "NAME", description = "The connector's name (default streamlake-<dataset>).")
    String name;

    @Option(
            names = "--connect-url",
            paramLabel = "URL",
            description = "The Connect worker's REST URL (env STREAMLAKE_CONNECT_URL; default http://localhost:8083).")
    String connectUrl;

    @Option(
            names = "--no-create-topics",
            description =
                    "Do not provision the RAW and DLQ topics (they exist already, or the CLI cannot reach Kafka).")
    boolean noCreateTopics;

    private final CliContext context;
    private final ConsoleStreams console;
    private final CliEnvironment environment;

    @Inject
    ConnectSubmitCommand(CliContext context, ConsoleStreams console, CliEnvironment environment) {
        this.context = context;
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DatasetName datasetName;
        try {
            datasetName = DatasetName.of(dataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dataset: " + e.getMessage());
        }
        if (tasks < 1) {
            throw new UsageException("--tasks must be at least 1, got " + tasks);
        }
        String connector = name != null ? name : ConnectCommand.defaultName(dataset);
        String url = ConnectCommand.url(connectUrl, environment.variables());
        Map<String, String> candidate =
                ConnectorSubmission.fileSource(context.settings().given(), dataset, absolute(input), tasks, keyField);
        PrintWriter out = console.out();
        try {
            ConnectorSubmission.Outcome outcome;
            try {
                outcome = ConnectorSubmission.put(url, connector, candidate, () -> provision(datasetName, out));
            } catch (ConnectorSubmission.RejectedException e) {
                PrintWriter err = console.err();
                err.println("error: the Connect worker at " + url + " rejects the connector's settings:");
                e.errors().forEach((key, errors) -> errors.forEach(m -> err.println("  " + key + ": " + m)));
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            out.printf(
                    "connector %s %s on %s: up to %d task%s reading %s, %s%n",
                    connector,
                    outcome.created() ? "created" : "updated",
                    outcome.url(),
                    tasks,
                    tasks == 1 ? "" : "s",
                    outcome.config().get("input.path"),
                    outcome.exactlyOnce()
                            ? "exactly-once"
                            : "at-least-once (the worker has no exactly.once.source.support=enabled)");
            out.println("follow it with: streamlake connect status --name " + connector
                    + (connectUrl != null ? " --connect-url " + outcome.url() : ""));
            out.flush();
            return CommandLine.ExitCode.OK;
        } finally {
            context.close();
        }
    }

    /** The dataset's RAW and DLQ topics, as 'streamlake topics create' makes them (unless --no-create-topics). */
    private void provision(DatasetName datasetName, PrintWriter out) {
        if (noCreateTopics) {
            return;
        }
        ProvisioningResult topics = context.get(TopicProvisioner.class).ensureTopics(datasetName);
        out.printf(
                "topics: %s (%d partitions), %s (%d partitions)%n",
                topics.raw().name(),
                topics.raw().partitions(),
                topics.deadLetter().name(),
                topics.deadLetter().partitions());
    }

    private List<Path> absolute(String paths) {
        List<Path> out = new ArrayList<>();
        for (String path : paths.split(",")) {
            if (!path.isBlank()) {
                out.add(environment
                        .workingDirectory()
                        .resolve(path.trim())
                        .toAbsolutePath()
                        .normalize());
            }
        }
        if (out.isEmpty()) {
            throw new UsageException("--input: give a file, a directory or a glob");
        }
        return out;
    }
}
