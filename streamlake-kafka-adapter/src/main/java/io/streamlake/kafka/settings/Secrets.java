package io.streamlake.kafka.settings;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/** Decides which settings are secret, and masks them. */
final class Secrets {

    /** What a secret value is shown as; Kafka's own mask. */
    static final String HIDDEN = Password.HIDDEN;

    private static final String[] SECRET_WORDS = {"password", "secret", "jaas", "token", "credentials"};

    private Secrets() {}

    /** True when a setting named {@code key} (with or without the {@code kafka.} prefix) must never be shown. */
    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        String clientKey = lower.startsWith(KafkaAdapterConfig.PASSTHROUGH_PREFIX)
                ? lower.substring(KafkaAdapterConfig.PASSTHROUGH_PREFIX.length())
                : lower;
        return isPasswordType(ProducerConfig.configDef(), clientKey)
                || isPasswordType(AdminClientConfig.configDef(), clientKey)
                || isPasswordType(KafkaAdapterConfig.configDef(), lower);
    }

    private static boolean isPasswordType(ConfigDef def, String key) {
        ConfigDef.ConfigKey k = def.configKeys().get(key);
        return k != null && k.type == ConfigDef.Type.PASSWORD;
    }

    /** Every typed setting in effect and every pass-through key, sorted, secrets masked. */
    static Map<String, String> redact(KafkaAdapterConfig config) {
        Map<String, String> out = new TreeMap<>();
        ConfigDef def = KafkaAdapterConfig.configDef();
        for (Map.Entry<String, ?> e : config.values().entrySet()) {
            ConfigDef.ConfigKey key = def.configKeys().get(e.getKey());
            if (key != null) {
                out.put(e.getKey(), show(e.getKey(), e.getValue(), key.type));
            }
        }
        for (Map.Entry<String, Object> e : config.passthrough().entrySet()) {
            String name = KafkaAdapterConfig.PASSTHROUGH_PREFIX + e.getKey();
            out.put(name, show(name, e.getValue(), null));
        }
        return out;
    }

    private static String show(String name, Object value, ConfigDef.Type type) {
        if (value instanceof Password || type == ConfigDef.Type.PASSWORD || isSecret(name)) {
            return HIDDEN;
        }
        if (value == null) {
            return "null";
        }
        return type == null ? String.valueOf(value) : ConfigDef.convertToString(value, type);
    }
}
