package io.streamlake.cli.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.StreamLakeException;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.read.ReadOptions;
import io.streamlake.kafka.read.TopicReader;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.ConsoleStreams;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Shows StreamLake connectors on a Connect worker: the connector's and each task's state, the source offsets (how far
 * each file part was read) and the records on the dataset's RAW and DLQ topics. Exit 0 when every connector and task
 * runs, 1 when one failed or the worker cannot be reached.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show StreamLake connectors on a Kafka Connect worker: their tasks and states, the source offsets",
            "(GET /connectors/{name}/offsets: how far each file was read) and the records on RAW and DLQ.",
            "Without --name or --dataset: every StreamLake connector of the worker."
        })
public final class ConnectStatusCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(names = "--name", paramLabel = "NAME", description = "The connector's name.")
    String name;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "The dataset whose connector (streamlake-<dataset>) to show.")
    String dataset;

    @Option(
            names = "--connect-url",
            paramLabel = "URL",
            description = "The Connect worker's REST URL (env STREAMLAKE_CONNECT_URL; default http://localhost:8083).")
    String connectUrl;

    @Option(names = "--no-counts", description = "Do not count the records on RAW and DLQ (no Kafka connection).")
    boolean noCounts;

    private final CliContext context;
    private final ConsoleStreams console;
    private final CliEnvironment environment;

    @Inject
    ConnectStatusCommand(CliContext context, ConsoleStreams console, CliEnvironment environment) {
        this.context = context;
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ConnectRestClient client = new ConnectRestClient(ConnectCommand.url(connectUrl, environment.variables()));
        PrintWriter out = console.out();
        try {
            List<String> names = names(client);
            if (names.isEmpty()) {
                out.println("no StreamLake connector on " + client.url()
                        + " (create one with 'streamlake connect submit')");
                out.flush();
                return CommandLine.ExitCode.OK;
            }
            boolean allRunning = true;
            for (String connector : names) {
                allRunning &= show(client, connector, out);
            }
            out.flush();
            return allRunning ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        } finally {
            context.close();
        }
    }

    private List<String> names(ConnectRestClient client) {
        if (name != null) {
            return List.of(name);
        }
        if (dataset != null) {
            return List.of(ConnectCommand.defaultName(dataset));
        }
        ConnectRestClient.Answer answer = client.get("/connectors?expand=info");
        if (!answer.ok()) {
            throw new FatalStreamLakeException(
                    "the Connect worker at " + client.url() + " did not list its connectors: " + answer.message());
        }
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.body().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String type = entry.getValue()
                    .path("info")
                    .path("config")
                    .path("connector.class")
                    .asText();
            if (type.equals(ConnectCommand.CONNECTOR_CLASS)) {
                out.add(entry.getKey());
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** Prints one connector; true when it and all its tasks run. */
    private boolean show(ConnectRestClient client, String connector, PrintWriter out) {
        String path = "/connectors/" + ConnectRestClient.encode(connector);
        ConnectRestClient.Answer status = client.get(path + "/status");
        if (status.status() == 404) {
            throw new FatalStreamLakeException("no connector named '" + connector + "' on " + client.url());
        }
        if (!status.ok()) {
            throw new FatalStreamLakeException("the Connect worker at " + client.url() + " did not give the status of '"
                    + connector + "': " + status.message());
        }
        JsonNode config = client.get(path + "/config").body();
        JsonNode body = status.body();
        String state = body.path("connector").path("state").asText("?");
        boolean running = state.equals("RUNNING");
        out.printf(
                "connector %s on %s: %s (worker %s), dataset %s, input %s%n",
                connector,
                client.url(),
                state,
                body.path("connector").path("worker_id").asText("?"),
                config.path("dataset").asText("?"),
                config.path("input.path").asText("?"));
        JsonNode tasks = body.path("tasks");
        out.printf(
                "  tasks: %d (tasks.max %s)%n",
                tasks.size(), config.path("tasks.max").asText("?"));
        for (JsonNode task : tasks) {
            String taskState = task.path("state").asText("?");
            running &= taskState.equals("RUNNING");
            out.printf(
                    "    task %d: %s on %s%n",
                    task.path("id").asInt(), taskState, task.path("worker_id").asText("?"));
            if (task.hasNonNull("trace")) {
                out.println("      "
                        + task.get("trace").asText().lines().findFirst().orElse(""));
            }
        }
        offsets(client, path, out);
        if (!noCounts && config.hasNonNull("dataset")) {
            counts(config, out);
        }
        return running;
    }

    private static void offsets(ConnectRestClient client, String path, PrintWriter out) {
        ConnectRestClient.Answer answer = client.get(path + "/offsets");
        if (!answer.ok()) {
            out.println("  offsets: not available (" + answer.message() + ")");
            return;
        }
        JsonNode offsets = answer.body().path("offsets");
        long read = 0;
        long total = 0;
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : offsets) {
            JsonNode partition = entry.path("partition");
            JsonNode offset = entry.path("offset");
            if (!offset.isObject()) {
                lines.add(String.format(
                        "    %s from byte %d: no offset readable",
                        partition.path("file").asText("?"),
                        partition.path("start").asLong()));
                continue;
            }
            long start = partition.path("start").asLong();
            long position = offset.path("position").asLong();
            long size = offset.path("size").asLong();
            read += Math.max(0, position - start);
            total += Math.max(0, size - start);
            lines.add(String.format(
                    "    %s from byte %d: at byte %d of %d, line %d",
                    partition.path("file").asText("?"),
                    start,
                    position,
                    size,
                    offset.path("line").asLong()));
        }
        out.printf(
                "  offsets: %d file part%s committed%s%n",
                offsets.size(),
                offsets.size() == 1 ? "" : "s",
                offsets.size() == 0 ? "" : String.format(", %d of %d bytes read", read, total));
        lines.stream().sorted().forEach(out::println);
    }

    private void counts(JsonNode config, PrintWriter out) {
        TopicNaming naming = new TopicNaming(config.path("topic.prefix").asText(TopicNaming.DEFAULT_PREFIX));
        DatasetName datasetName = DatasetName.of(config.get("dataset").asText());
        KafkaAdapterConfig kafka = context.settings().config(KafkaAdapterConfig.class);
        TopicReader reader = new TopicReader(kafka);
        for (String topic : List.of(naming.raw(datasetName), naming.deadLetter(datasetName))) {
            try {
                long n = reader.read(topic, ReadOptions.snapshot(Long.MAX_VALUE, Duration.ofSeconds(5)), r -> {});
                out.printf("  %s: %d records%n", topic, n);
            } catch (StreamLakeException e) {
                out.printf("  %s: not counted (%s)%n", topic, e.getMessage());
            }
        }
    }
}
