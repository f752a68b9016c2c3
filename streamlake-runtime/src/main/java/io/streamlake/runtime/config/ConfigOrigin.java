package io.streamlake.runtime.config;

import java.util.Locale;

/** Where a setting's value came from; later sources win. */
public enum ConfigOrigin {
    /** The key's declared default. */
    DEFAULT,
    /** The properties file ({@code --config}, or {@code ./streamlake.properties}). */
    FILE,
    /** An environment variable. */
    ENV,
    /** A command-line flag ({@code --bootstrap-servers}, {@code --set key=value}, …) or a builder call. */
    FLAG;

    /** Lower-case label, as {@code streamlake config} prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
