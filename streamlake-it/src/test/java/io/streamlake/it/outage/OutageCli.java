package io.streamlake.it.outage;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the streamlake command in-process with captured stdout/stderr in a working directory. */
final class OutageCli {

    record Result(int code, String out, String err, long millis) {}

    private final Path workDir;

    OutageCli(Path workDir) {
        this.workDir = workDir;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        long started = System.nanoTime();
        int code = StreamLakeCli.execute(console, new CliEnvironment(Map.of(), workDir), Transports.discover(), args);
        return new Result(code, out.toString(), err.toString(), (System.nanoTime() - started) / 1_000_000);
    }
}
