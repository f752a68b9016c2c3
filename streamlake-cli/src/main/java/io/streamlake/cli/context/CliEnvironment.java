package io.streamlake.cli.context;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The process environment the command runs in: environment variables and the working directory (where
 * {@code streamlake.properties} is looked for and failed-event files are written). Tests pass their own.
 */
public record CliEnvironment(Map<String, String> variables, Path workingDirectory) {

    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }
}
