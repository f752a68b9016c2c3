package io.streamlake.it.cli;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the streamlake command in-process against the shared broker and registry, with its own topic prefix (so
 * topics and registry subjects of one test never meet another's), captured output and a working directory.
 */
final class Cli {

    record Result(int code, String out, String err) {}

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;
    private final String prefix;
    private final Path workDir;

    Cli(KafkaEndpoint kafka, RegistryEndpoint registry, Path workDir) {
        this.kafka = kafka;
        this.registry = registry;
        this.prefix = kafka.uniqueName("cli").replaceAll("[^a-zA-Z0-9_-]", "-");
        this.workDir = workDir;
    }

    String prefix() {
        return prefix;
    }

    String raw(String dataset) {
        return prefix + "." + dataset + ".raw";
    }

    String dlq(String dataset) {
        return prefix + "." + dataset + ".dlq";
    }

    Path workDir() {
        return workDir;
    }

    /** Runs with --bootstrap-servers, --schema-registry-url and --topic-prefix of this test. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--schema-registry-url",
                registry.url(),
                "--topic-prefix",
                prefix));
        return runRaw(all.toArray(String[]::new));
    }

    /** Runs exactly the given arguments. */
    Result runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        int code = StreamLakeCli.execute(console, new CliEnvironment(Map.of(), workDir), Transports.discover(), args);
        return new Result(code, out.toString(), err.toString());
    }
}
