package io.streamlake.cli.command;

import picocli.CommandLine.Command;

/** {@code dlq show} and {@code dlq replay}. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        subcommands = {DlqShowCommand.class, DlqReplayCommand.class},
        description = "Inspect a dataset's dead letters, or replay them after a fix.")
public final class DlqCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: show or replay");
    }
}
