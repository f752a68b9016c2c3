package io.streamlake.cli;

/** How a command prints its result: for people or for scripts. */
enum OutputFormat {
    TEXT, TABLE, JSON
}
