package io.streamlake.cli.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.output.OutputFormat;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.config.ConfigReference;
import io.streamlake.runtime.config.Settings;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the effective configuration with each value's origin, secrets hidden; or the generated reference. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description =
                "Print the effective configuration: each value and where it came from (default, file, env, flag); secrets as [hidden].")
public final class ConfigCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(
            names = "--output",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text (default) or json.")
    OutputFormat output;

    @Option(names = "--reference", description = "Print the configuration reference (docs/configuration.md) instead.")
    boolean reference;

    private final CliContext context;
    private final ConsoleStreams console;

    @Inject
    ConfigCommand(CliContext context, ConsoleStreams console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        if (reference) {
            console.out().print(ConfigReference.markdown());
            console.out().flush();
            return 0;
        }
        Settings settings = context.settings();
        if (output == OutputFormat.JSON) {
            try (JsonGenerator g = new JsonFactory().createGenerator(console.out())) {
                g.writeStartObject();
                for (Settings.Entry e : settings.entries()) {
                    g.writeObjectFieldStart(e.key());
                    g.writeStringField("value", e.value());
                    g.writeStringField("origin", e.origin().label());
                    g.writeStringField("section", e.section());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            console.out().println();
        } else {
            int width = settings.entries().stream()
                    .mapToInt(e -> e.key().length())
                    .max()
                    .orElse(10);
            String section = "";
            for (Settings.Entry e : settings.entries()) {
                if (!e.section().equals(section)) {
                    section = e.section();
                    console.out().println("# " + section);
                }
                console.out()
                        .printf(
                                "%-" + width + "s = %s  (%s)%n",
                                e.key(),
                                e.value(),
                                e.origin().label());
            }
        }
        console.out().flush();
        return 0;
    }
}
