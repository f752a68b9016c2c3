package io.streamlake.core.settings;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The declaration of one setting a module reads: its name (public API), type, default, constraint, importance and
 * one-line documentation. Declared once, next to the code that reads it; the runtime turns declarations into its
 * validated configuration and into the generated configuration reference ({@code docs/configuration.md}), so the
 * module itself needs no configuration library. Immutable.
 *
 * @param name         the key, e.g. {@code topic.prefix}
 * @param type         how the value is parsed
 * @param defaultValue the value when none is given, of {@code type}'s Java type ({@code String}, {@code Boolean},
 *                     {@code Integer})
 * @param importance   how prominently the reference lists it
 * @param doc          one or two sentences for the reference
 * @param constraint   what values are valid
 */
public record SettingKey(
        String name, Type type, Object defaultValue, Importance importance, String doc, Constraint constraint) {

    /** How a value is parsed. */
    public enum Type {
        STRING,
        BOOLEAN,
        INT
    }

    /** How prominently the reference lists a key. */
    public enum Importance {
        HIGH,
        MEDIUM,
        LOW
    }

    /** The values a key accepts beyond its type. */
    public sealed interface Constraint {
        /** Any value of the type. */
        record None() implements Constraint {}

        /** An integer of at least {@code min}. */
        record AtLeast(int min) implements Constraint {}

        /** An integer from {@code min} to {@code max}, both included. */
        record Between(int min, int max) implements Constraint {}

        /** A string that is not empty. */
        record NonEmpty() implements Constraint {}

        /**
         * A string accepted by {@code check}, which throws {@link IllegalArgumentException} with the reason.
         *
         * @param description what is valid, for the reference
         */
        record Checked(String description, Consumer<String> check) implements Constraint {
            public Checked {
                Objects.requireNonNull(description, "description");
                Objects.requireNonNull(check, "check");
            }
        }
    }

    public SettingKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(constraint, "constraint");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a setting's name must not be blank");
        }
    }
}
