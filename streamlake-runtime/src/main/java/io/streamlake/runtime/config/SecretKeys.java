package io.streamlake.runtime.config;

import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;

/** Decides which settings are secrets, which are never printed or logged. */
public final class SecretKeys {

    /** How a secret value is shown. */
    public static final String HIDDEN = "[hidden]";

    private static final String[] SECRET_WORDS = {"password", "secret", "token", "jaas", "user.info", "credentials"};

    private SecretKeys() {}

    /**
     * True when the key names a secret: its declared type is {@code PASSWORD}, or its name contains
     * password, secret, token, jaas, user.info or credentials.
     *
     * @param declared the key's declaration, or null for undeclared ({@code kafka.}) keys
     */
    public static boolean isSecret(String key, ConfigDef.ConfigKey declared) {
        if (declared != null && declared.type == ConfigDef.Type.PASSWORD) {
            return true;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
