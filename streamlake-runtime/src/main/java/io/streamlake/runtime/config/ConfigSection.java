package io.streamlake.runtime.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * One module's block of settings: its key declarations and how to build its typed settings object from the
 * values given for those keys. {@link Settings} is composed of sections; the configuration reference prints
 * one table per section.
 *
 * @param name              short name, e.g. {@code kafka}
 * @param title             heading in the configuration reference
 * @param definition        the declared keys
 * @param passthroughPrefix keys with this prefix (e.g. {@code kafka.}) belong to this section undeclared
 * @param factory           builds the typed settings; throws {@code ConfigException} naming the key
 */
public record ConfigSection(
        String name,
        String title,
        ConfigDef definition,
        Optional<String> passthroughPrefix,
        Function<Map<String, Object>, ? extends AbstractConfig> factory) {

    public ConfigSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(passthroughPrefix, "passthroughPrefix");
        Objects.requireNonNull(factory, "factory");
    }

    /** True when {@code key} belongs to this section, declared or passed through. */
    public boolean owns(String key) {
        return definition.names().contains(key)
                || passthroughPrefix.map(key::startsWith).orElse(false);
    }
}
