package io.streamlake.cli.output;

/** How a command prints its result: for people or for scripts. */
public enum OutputFormat {
    TEXT,
    TABLE,
    JSON
}
