package io.streamlake.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The effective configuration: every section's typed settings object, the values given (by file, environment or
 * flag) and where each came from. Made by {@link SettingsLoader}; immutable and thread-safe. {@link #toString()}
 * and {@link #entries()} never show secrets.
 */
public final class Settings {

    /** One setting as {@code streamlake config} shows it; {@code value} is {@value SecretKeys#HIDDEN} for secrets. */
    public record Entry(String section, String key, String value, ConfigOrigin origin, boolean secret) {}

    private final List<ConfigSection> sections;
    private final Map<String, String> given;
    private final Map<String, ConfigOrigin> origins;
    private final Map<String, AbstractConfig> typed;

    Settings(
            List<ConfigSection> sections,
            Map<String, String> given,
            Map<String, ConfigOrigin> origins,
            Map<String, AbstractConfig> typed) {
        this.sections = List.copyOf(sections);
        this.given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        this.origins = Map.copyOf(origins);
        this.typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed));
    }

    /**
     * A section's typed settings, e.g. {@code settings.config(KafkaAdapterConfig.class)}.
     *
     * @throws IllegalArgumentException when no section makes that type
     */
    public <T extends AbstractConfig> T config(Class<T> type) {
        return typed.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no configuration section makes " + type.getName()));
    }

    /**
     * A section's typed settings by section name (a transport's own keys: its name).
     *
     * @throws IllegalArgumentException when there is no such section
     */
    public AbstractConfig section(String name) {
        AbstractConfig config = typed.get(name);
        if (config == null) {
            throw new IllegalArgumentException("no configuration section '" + name + "'");
        }
        return config;
    }

    /** The core settings. */
    public CoreConfig core() {
        return config(CoreConfig.class);
    }

    /** The values given explicitly (file, environment, flags), key to text, including pass-through keys. */
    public Map<String, String> given() {
        return given;
    }

    /** The values given for one section's keys (declared and pass-through), as its typed settings take them. */
    public Map<String, Object> givenFor(ConfigSection section) {
        Map<String, Object> out = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (section.owns(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Where {@code key}'s value came from. */
    public ConfigOrigin origin(String key) {
        return origins.getOrDefault(key, ConfigOrigin.DEFAULT);
    }

    public List<ConfigSection> sections() {
        return sections;
    }

    /** Every declared key with its effective value, then every pass-through key; secrets hidden. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (ConfigSection section : sections) {
            Map<String, Object> parsed = section.definition().parse(givenFor(section));
            for (ConfigDef.ConfigKey key : section.definition().configKeys().values()) {
                boolean secret = SecretKeys.isSecret(key.name, key);
                Object value = parsed.get(key.name);
                String text = value == null ? "" : ConfigDef.convertToString(value, key.type);
                out.add(new Entry(
                        section.name(),
                        key.name,
                        secret && value != null ? SecretKeys.HIDDEN : text,
                        origin(key.name),
                        secret));
            }
            given.forEach((k, v) -> {
                if (section.owns(k) && !section.definition().names().contains(k)) {
                    boolean secret = SecretKeys.isSecret(k, null);
                    out.add(new Entry(section.name(), k, secret ? SecretKeys.HIDDEN : v, origin(k), secret));
                }
            });
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Settings{");
        for (Entry e : entries()) {
            if (e.origin() != ConfigOrigin.DEFAULT) {
                out.append(e.key()).append('=').append(e.value()).append(", ");
            }
        }
        return out.append('}').toString();
    }

    static Settings of(
            List<ConfigSection> sections,
            Map<String, String> given,
            Map<String, ConfigOrigin> origins,
            Map<String, AbstractConfig> typed) {
        Objects.requireNonNull(sections, "sections");
        return new Settings(sections, given, origins, typed);
    }
}
