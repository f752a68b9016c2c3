package io.streamlake.runtime.config;

import io.streamlake.core.settings.SettingKey;
import io.streamlake.core.settings.SettingKey.Constraint;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Turns the declarations of modules without a configuration library ({@link SettingKey}) into Kafka
 * {@link ConfigDef} definitions, so they are validated, layered and documented like every other key.
 */
public final class SettingKeys {

    private SettingKeys() {}

    /** Defines each of {@code keys} in {@code def}, in order; returns {@code def}. */
    public static ConfigDef define(ConfigDef def, List<SettingKey> keys) {
        for (SettingKey key : keys) {
            def.define(
                    key.name(),
                    type(key.type()),
                    key.defaultValue(),
                    validator(key.constraint()),
                    ConfigDef.Importance.valueOf(key.importance().name()),
                    key.doc());
        }
        return def;
    }

    private static ConfigDef.Type type(SettingKey.Type type) {
        return switch (type) {
            case STRING -> ConfigDef.Type.STRING;
            case BOOLEAN -> ConfigDef.Type.BOOLEAN;
            case INT -> ConfigDef.Type.INT;
        };
    }

    private static ConfigDef.Validator validator(Constraint constraint) {
        if (constraint instanceof Constraint.AtLeast c) {
            return ConfigDef.Range.atLeast(c.min());
        }
        if (constraint instanceof Constraint.Between c) {
            return ConfigDef.Range.between(c.min(), c.max());
        }
        if (constraint instanceof Constraint.NonEmpty) {
            return new ConfigDef.NonEmptyString();
        }
        if (constraint instanceof Constraint.Checked c) {
            return new Checked(c);
        }
        return null;
    }

    private record Checked(Constraint.Checked constraint) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                constraint.check().accept(value == null ? null : value.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return constraint.description();
        }
    }
}
