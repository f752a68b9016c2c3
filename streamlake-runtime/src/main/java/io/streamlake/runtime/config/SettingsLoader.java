package io.streamlake.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Composes {@link Settings} from, later winning: the declared defaults, a properties file, the environment
 * ({@link EnvMapping}) and flags. Every key must belong to a section (declared, or under a pass-through prefix
 * such as {@code kafka.}); every value must pass its section's validators. Not thread-safe; use once.
 */
public final class SettingsLoader {

    private final List<ConfigSection> sections;
    private Path file;
    private boolean fileRequired;
    private Map<String, String> env = Map.of();
    private final Map<String, String> flags = new LinkedHashMap<>();
    private String flagsOrigin = "given as a flag";

    public SettingsLoader(List<ConfigSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /** A properties file that must exist. */
    public SettingsLoader file(Path path) {
        this.file = path;
        this.fileRequired = true;
        return this;
    }

    /** A properties file read only when it exists (the default {@code ./streamlake.properties}). */
    public SettingsLoader optionalFile(Path path) {
        this.file = path;
        this.fileRequired = false;
        return this;
    }

    public SettingsLoader env(Map<String, String> environment) {
        this.env = Map.copyOf(environment);
        return this;
    }

    /** Command-line flags, applied in order, winning over everything else. */
    public SettingsLoader flags(Map<String, String> values) {
        values.forEach((k, v) -> flags.put(k.trim(), v));
        return this;
    }

    /**
     * Settings given in code, winning over everything else, like flags.
     *
     * @param origin how an error names where they came from, e.g. {@code "set on StreamLakeBuilder"}
     */
    public SettingsLoader explicit(Map<String, String> values, String origin) {
        this.flagsOrigin = java.util.Objects.requireNonNull(origin, "origin");
        return flags(values);
    }

    /**
     * @throws InvalidSettingsException one line naming the key (or file): unknown key, invalid value, unreadable file
     */
    public Settings load() {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, ConfigOrigin> origins = new HashMap<>();
        Set<String> declared = new HashSet<>();
        sections.forEach(s -> declared.addAll(s.definition().names()));
        if (file != null) {
            put(readFile(), ConfigOrigin.FILE, given, origins, "in " + file);
        }
        put(EnvMapping.settingsFrom(env, declared), ConfigOrigin.ENV, given, origins, "in the environment");
        put(flags, ConfigOrigin.FLAG, given, origins, flagsOrigin);
        Map<String, AbstractConfig> typed = new LinkedHashMap<>();
        Settings draft = Settings.of(sections, given, origins, Map.of());
        for (ConfigSection section : sections) {
            AbstractConfig config;
            try {
                config = section.factory().apply(draft.givenFor(section));
            } catch (ConfigException e) {
                throw new InvalidSettingsException("invalid configuration: " + oneLine(e.getMessage()), e);
            }
            typed.put(section.name(), config);
        }
        return Settings.of(sections, given, origins, typed);
    }

    private void put(
            Map<String, String> values,
            ConfigOrigin origin,
            Map<String, String> given,
            Map<String, ConfigOrigin> origins,
            String where) {
        values.forEach((key, value) -> {
            if (sections.stream().noneMatch(s -> s.owns(key))) {
                throw new InvalidSettingsException("unknown configuration key '" + key + "' " + where
                        + " (known keys: docs/configuration.md or 'streamlake config --reference'; kafka-clients "
                        + "settings take the prefix 'kafka.')");
            }
            given.put(key, value == null ? "" : value.trim());
            origins.put(key, origin);
        });
    }

    private Map<String, String> readFile() {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            if (fileRequired) {
                throw new InvalidSettingsException("configuration file " + file + " does not exist", e);
            }
            return Map.of();
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingsException("configuration file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
