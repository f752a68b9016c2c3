package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.runtime.ConsoleStreams;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a bash/zsh completion script: {@code source <(streamlake completion)}. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script, e.g. source <(streamlake completion).")
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final ConsoleStreams console;

    @Inject
    CompletionCommand(ConsoleStreams console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.out().print(AutoComplete.bash("streamlake", spec.root().commandLine()));
        console.out().flush();
        return 0;
    }
}
