package io.streamlake.schema.registry;

import java.util.List;

/**
 * The answer to a compatibility check.
 *
 * @param compatible whether the schema may be registered
 * @param messages   the registry's reasons (may be empty even when incompatible: not every registry explains)
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    public static CompatibilityResult ok() {
        return new CompatibilityResult(true, List.of());
    }

    /** The messages in one line, or {@code no reason given}. */
    public String reason() {
        return messages.isEmpty() ? "no reason given" : String.join("; ", messages);
    }
}
