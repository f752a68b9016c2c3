package io.streamlake.cli.context;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What this run of the command was given: the global options of every command on the command line merged
 * (innermost wins), plus settings a command adds from its own flags (e.g. {@code topics create --partitions}).
 * One per run; used from the main thread.
 */
public final class Invocation {

    public static final String GLOBAL_MIXIN = "global";

    private Path configFile;
    private boolean verbose;
    private final Map<String, String> flags = new LinkedHashMap<>();

    /** Merges the global options of {@code commands}, outermost first. */
    public void collect(List<CommandLine> commands) {
        for (CommandLine command : commands) {
            CommandSpec mixin = command.getCommandSpec().mixins().get(GLOBAL_MIXIN);
            if (mixin != null && mixin.userObject() instanceof GlobalOptions options) {
                if (options.config != null) {
                    configFile = options.config;
                }
                if (options.verbose != null) {
                    verbose = options.verbose;
                }
                flags.putAll(options.settings());
            }
        }
    }

    /** Adds a setting given by a command's own flag; it wins over everything else. */
    public void addFlag(String key, String value) {
        flags.put(key, value);
    }

    public Path configFile() {
        return configFile;
    }

    public boolean verbose() {
        return verbose;
    }

    public Map<String, String> flags() {
        return Map.copyOf(flags);
    }
}
