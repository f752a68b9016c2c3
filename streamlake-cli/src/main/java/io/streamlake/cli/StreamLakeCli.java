package io.streamlake.cli;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import io.streamlake.cli.command.BenchCommand;
import io.streamlake.cli.command.CompletionCommand;
import io.streamlake.cli.command.ConfigCommand;
import io.streamlake.cli.command.ConsumeCommand;
import io.streamlake.cli.command.DemoCommand;
import io.streamlake.cli.command.DevCommand;
import io.streamlake.cli.command.DlqCommand;
import io.streamlake.cli.command.ProduceCommand;
import io.streamlake.cli.command.SchemaCommand;
import io.streamlake.cli.command.TopicsCommand;
import io.streamlake.cli.connect.ConnectCommand;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code streamlake} command: parses, wires, prints. Exit codes: 0 all acknowledged, 1 some not, 2 usage or configuration. */
@Command(
        name = "streamlake",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Publishes events into Apache Kafka: RAW or DLQ, metadata in headers, partitioned by key, JSON or Avro.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every event acknowledged (RAW or DLQ)",
            "1:some events not acknowledged, or a platform failure",
            "2:usage or configuration error"
        })
public final class StreamLakeCli implements Callable<Integer> {

    /**
     * The subcommands, in the order the help lists them. They are added in code, not in {@code @Command}, so that a
     * run names the one it uses ({@link #subcommandsFor}): building every command's model costs picocli about a
     * quarter of {@code produce}'s start-up.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ProduceCommand.class,
            ConsumeCommand.class,
            DlqCommand.class,
            SchemaCommand.class,
            TopicsCommand.class,
            ConfigCommand.class,
            DevCommand.class,
            DemoCommand.class,
            ConnectCommand.class,
            BenchCommand.class,
            CompletionCommand.class);

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private final ConsoleStreams console;

    @Inject
    StreamLakeCli(ConsoleStreams console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return CommandLine.ExitCode.USAGE;
    }

    /** Runs the command with the process's console and environment; returns the exit code. */
    public static int run(String... args) {
        return execute(ConsoleStreams.system(), CliEnvironment.system(), Transports.discover(), args);
    }

    /** Runs the command with the given console, environment and transports; returns the exit code. */
    public static int execute(
            ConsoleStreams console, CliEnvironment environment, Transports transports, String... args) {
        Injector injector = Guice.createInjector(new CliModule(console, environment, transports));
        CommandLine commandLine = commandLine(injector, console, subcommandsFor(args));
        int code = commandLine.execute(args);
        console.out().flush();
        console.err().flush();
        return code;
    }

    /**
     * The subcommands a run with {@code args} needs: when the first argument names a subcommand, that one alone (what
     * it parses, prints and runs is the same as with all of them); otherwise (help, version, an unknown or no command,
     * global options first, {@code completion}, which prints every command) all of them.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> type : SUBCOMMANDS) {
                Command command = type.getAnnotation(Command.class);
                if (type != CompletionCommand.class
                        && (command.name().equals(args[0])
                                || Arrays.asList(command.aliases()).contains(args[0]))) {
                    return List.of(type);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /** The command line with {@code subcommands}; settings are applied after they are added, so they get them too. */
    static CommandLine commandLine(Injector injector, ConsoleStreams console, List<Class<?>> subcommands) {
        Invocation invocation = injector.getInstance(Invocation.class);
        GuiceFactory factory = new GuiceFactory(injector);
        CommandLine commandLine = new CommandLine(StreamLakeCli.class, factory);
        for (Class<?> type : subcommands) {
            commandLine.addSubcommand(type);
        }
        commandLine.setOut(console.out());
        commandLine.setErr(console.err());
        commandLine.registerConverter(DatasetName.class, DatasetName::of);
        commandLine.registerConverter(SchemaVersion.class, SchemaVersion::parse);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(invocation));
        commandLine.setExecutionStrategy(parseResult -> {
            invocation.collect(parseResult.asCommandLineList());
            CliContext context = injector.getInstance(CliContext.class);
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                context.close();
            }
        });
        return commandLine;
    }
}
