package io.streamlake.kafka.settings;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators {@link ConfigDef} lacks. */
final class Validators {

    private Validators() {}

    /** -1 (the broker's default) or a positive number. */
    static ConfigDef.Validator minusOneOrPositive() {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    long n = ((Number) value).longValue();
                    if (n != -1 && n < 1) {
                        throw new ConfigException(name, value, "must be -1 (broker default) or at least 1");
                    }
                },
                () -> "-1 or [1,...]");
    }

    /** A list with at least one non-blank entry. */
    static ConfigDef.Validator nonEmptyList() {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    java.util.List<?> list = (java.util.List<?>) value;
                    if (list == null
                            || list.isEmpty()
                            || list.stream().anyMatch(e -> String.valueOf(e).isBlank())) {
                        throw new ConfigException(name, value, "must be a non-empty list of host:port");
                    }
                },
                () -> "non-empty list");
    }

    /** Null (unset: the broker's default) or a value {@code inner} accepts. */
    static ConfigDef.Validator nullOr(ConfigDef.Validator inner) {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    if (value != null) {
                        inner.ensureValid(name, value);
                    }
                },
                () -> "null or " + inner);
    }
}
