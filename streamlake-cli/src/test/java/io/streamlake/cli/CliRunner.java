package io.streamlake.cli;

import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the streamlake command in-process with captured output, a given environment and working directory. */
final class CliRunner {

    record Result(int code, String out, String err) {}

    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();

    CliRunner(Path workDir) {
        this.workDir = workDir;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        int code = StreamLakeCli.execute(console, new CliEnvironment(env, workDir), Transports.discover(), args);
        return new Result(code, out.toString(), err.toString());
    }
}
