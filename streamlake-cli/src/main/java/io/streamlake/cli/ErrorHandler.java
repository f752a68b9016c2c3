package io.streamlake.cli;

import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.context.UsageException;
import io.streamlake.core.domain.InvalidRulesException;
import io.streamlake.core.domain.StreamLakeException;
import io.streamlake.runtime.config.InvalidSettingsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one line on stderr and an exit code: configuration and usage errors (a
 * data-contract rule that does not compile included) exit 2,
 * platform failures (unreachable broker or registry) and anything else exit 1. Stack traces only with --verbose.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private final Invocation invocation;

    ErrorHandler(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code;
        String message;
        if (e instanceof InvalidSettingsException
                || e instanceof UsageException
                || e instanceof InvalidRulesException
                || e instanceof IllegalArgumentException) {
            code = CommandLine.ExitCode.USAGE;
            message = e.getMessage();
        } else if (e instanceof StreamLakeException) {
            code = CommandLine.ExitCode.SOFTWARE;
            message = e.getMessage();
        } else {
            code = CommandLine.ExitCode.SOFTWARE;
            message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        err.println(
                "error: " + (message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ")));
        if (invocation.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
