package io.streamlake.runtime.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps environment variables to keys: {@code STREAMLAKE_<KEY>} with dots (and dashes) as underscores,
 * upper-case, for every declared key; {@code STREAMLAKE_KAFKA_<NAME>} to {@code kafka.<name>} with underscores
 * as dots; and the well-known aliases {@code KAFKA_BOOTSTRAP_SERVERS} and {@code SCHEMA_REGISTRY_URL}. Other
 * variables, {@code STREAMLAKE_}-prefixed or not, are ignored (the environment is shared with other tools).
 */
public final class EnvMapping {

    public static final String PREFIX = "STREAMLAKE_";
    private static final String KAFKA_PREFIX = PREFIX + "KAFKA_";
    /** Conventional variable names, read before the {@code STREAMLAKE_} form of the same key. */
    public static final Map<String, String> ALIASES = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "bootstrap.servers",
            "SCHEMA_REGISTRY_URL", "schema.registry.url");

    private EnvMapping() {}

    /** The {@code STREAMLAKE_} variable of a declared key, e.g. {@code STREAMLAKE_TOPIC_PREFIX}. */
    public static String variableFor(String key) {
        return PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The alias of a key, or null. */
    public static String aliasFor(String key) {
        return ALIASES.entrySet().stream()
                .filter(e -> e.getValue().equals(key))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /**
     * The settings the environment gives.
     *
     * @param declared every declared key
     * @return key to value, with the variable each came from available through {@link #variableFor}
     */
    public static Map<String, String> settingsFrom(Map<String, String> env, Set<String> declared) {
        Map<String, String> out = new LinkedHashMap<>();
        ALIASES.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                out.put(key, value.trim());
            }
        });
        for (String key : declared) {
            String value = env.get(variableFor(key));
            if (value != null) {
                out.put(key, value);
            }
        }
        env.forEach((variable, value) -> {
            if (variable.startsWith(KAFKA_PREFIX) && variable.length() > KAFKA_PREFIX.length()) {
                String key = "kafka."
                        + variable.substring(KAFKA_PREFIX.length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '.');
                if (!declared.contains(key)) {
                    out.put(key, value);
                }
            }
        });
        return out;
    }
}
