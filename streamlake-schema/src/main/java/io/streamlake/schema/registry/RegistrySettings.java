package io.streamlake.schema.registry;

import io.streamlake.schema.config.SchemaConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach a Schema Registry. {@link #toString()} never shows the credentials or the trust store password.
 *
 * @param url                 base URL ({@code http(s)://…} or {@code mock://<scope>})
 * @param basicAuthUserInfo   {@code user:password}, when basic authentication is used
 * @param bearerToken         a bearer token, when token authentication is used
 * @param truststoreLocation  a PKCS12/JKS trust store for https, or empty for the JVM default
 * @param truststorePassword  its password
 * @param connectTimeout      TCP/TLS connect timeout
 * @param readTimeout         time allowed for one answer
 * @param retries             retries after a connection error or 5xx (never after 4xx)
 * @param retryBackoff        first wait before a retry, doubled each time
 */
public record RegistrySettings(
        String url,
        Optional<String> basicAuthUserInfo,
        Optional<String> bearerToken,
        Optional<String> truststoreLocation,
        Optional<String> truststorePassword,
        Duration connectTimeout,
        Duration readTimeout,
        int retries,
        Duration retryBackoff) {

    public RegistrySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(basicAuthUserInfo, "basicAuthUserInfo");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(truststoreLocation, "truststoreLocation");
        Objects.requireNonNull(truststorePassword, "truststorePassword");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
    }

    /** Settings for {@code url} with no authentication and the default timeouts and retries. */
    public static RegistrySettings of(String url) {
        return new RegistrySettings(
                url,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                3,
                Duration.ofMillis(200));
    }

    public static RegistrySettings from(SchemaConfig config) {
        return new RegistrySettings(
                config.getString(SchemaConfig.REGISTRY_URL_CONFIG).trim(),
                secret(config.getPassword(SchemaConfig.REGISTRY_BASIC_AUTH_USER_INFO_CONFIG)),
                secret(config.getPassword(SchemaConfig.REGISTRY_BEARER_TOKEN_CONFIG)),
                Optional.of(config.getString(SchemaConfig.REGISTRY_TRUSTSTORE_LOCATION_CONFIG)
                                .trim())
                        .filter(s -> !s.isEmpty()),
                secret(config.getPassword(SchemaConfig.REGISTRY_TRUSTSTORE_PASSWORD_CONFIG)),
                Duration.ofMillis(config.getInt(SchemaConfig.REGISTRY_CONNECT_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(config.getInt(SchemaConfig.REGISTRY_READ_TIMEOUT_MS_CONFIG)),
                config.getInt(SchemaConfig.REGISTRY_RETRIES_CONFIG),
                Duration.ofMillis(config.getLong(SchemaConfig.REGISTRY_RETRY_BACKOFF_MS_CONFIG)));
    }

    public RegistrySettings withBasicAuth(String userInfo) {
        return new RegistrySettings(
                url,
                Optional.of(userInfo),
                Optional.empty(),
                truststoreLocation,
                truststorePassword,
                connectTimeout,
                readTimeout,
                retries,
                retryBackoff);
    }

    public RegistrySettings withBearerToken(String token) {
        return new RegistrySettings(
                url,
                Optional.empty(),
                Optional.of(token),
                truststoreLocation,
                truststorePassword,
                connectTimeout,
                readTimeout,
                retries,
                retryBackoff);
    }

    public RegistrySettings withRetries(int count, Duration backoff) {
        return new RegistrySettings(
                url,
                basicAuthUserInfo,
                bearerToken,
                truststoreLocation,
                truststorePassword,
                connectTimeout,
                readTimeout,
                count,
                backoff);
    }

    public RegistrySettings withTimeouts(Duration connect, Duration read) {
        return new RegistrySettings(
                url,
                basicAuthUserInfo,
                bearerToken,
                truststoreLocation,
                truststorePassword,
                connect,
                read,
                retries,
                retryBackoff);
    }

    /** True for {@code mock://<scope>}. */
    public boolean isMock() {
        return url.regionMatches(true, 0, "mock://", 0, 7);
    }

    private static Optional<String> secret(Password password) {
        return password == null || password.value().isEmpty() ? Optional.empty() : Optional.of(password.value());
    }

    @Override
    public String toString() {
        return "RegistrySettings[url=" + url
                + ", auth=" + (basicAuthUserInfo.isPresent() ? "basic" : bearerToken.isPresent() ? "bearer" : "none")
                + ", truststore=" + truststoreLocation.orElse("default")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retries=" + retries + ", retryBackoff=" + retryBackoff + "]";
    }
}
