package io.streamlake.schema.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The schema module's settings: codec choice, Schema Registry connection and mode, catalog location and
 * validation policy. Every key is declared once in {@link #configDef()}, which also generates the
 * configuration reference. Immutable and thread-safe once constructed.
 *
 * <p>Construction fails with a {@link ConfigException} naming the key when a value is missing, of the
 * wrong type, not one of the allowed values, or inconsistent with another key (e.g. {@code pinned} mode
 * without {@value #REGISTRY_PINNED_ID_CONFIG}). Password-typed values are never printed.
 */
public final class SchemaConfig extends AbstractConfig {

    public static final String SERIALIZATION_CONFIG = "serialization";
    public static final String REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String REGISTRY_BASIC_AUTH_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    public static final String REGISTRY_BEARER_TOKEN_CONFIG = "schema.registry.bearer.token";
    public static final String REGISTRY_TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    public static final String REGISTRY_TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String REGISTRY_CONNECT_TIMEOUT_MS_CONFIG = "schema.registry.connect.timeout.ms";
    public static final String REGISTRY_READ_TIMEOUT_MS_CONFIG = "schema.registry.read.timeout.ms";
    public static final String REGISTRY_RETRIES_CONFIG = "schema.registry.retries";
    public static final String REGISTRY_RETRY_BACKOFF_MS_CONFIG = "schema.registry.retry.backoff.ms";
    public static final String REGISTRY_MODE_CONFIG = "schema.registry.mode";
    public static final String REGISTRY_PINNED_ID_CONFIG = "schema.registry.pinned.id";
    public static final String REGISTRY_RULES_CONFIG = "schema.registry.rules";
    public static final String SUBJECT_NAME_STRATEGY_CONFIG = "schema.subject.name.strategy";
    public static final String CATALOG_DIR_CONFIG = "schema.catalog.dir";
    public static final String UNKNOWN_FIELDS_CONFIG = "schema.unknown.fields";
    public static final String VALIDATION_ENABLED_CONFIG = "validation.enabled";

    /** Codec names accepted by {@value #SERIALIZATION_CONFIG}. */
    public enum Serialization {
        JSON,
        AVRO
    }

    /** Values of {@value #REGISTRY_MODE_CONFIG}. */
    public enum RegistryMode {
        AUTO_REGISTER,
        USE_LATEST,
        PINNED
    }

    /** Values of {@value #REGISTRY_RULES_CONFIG}. */
    public enum RegistryRules {
        /** The rules stay in the catalog; {@code schema register} sends the schema only. */
        CATALOG,
        /** {@code schema register} sends each version's rules file as the schema's {@code ruleSet}. */
        REGISTER
    }

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(
                    SERIALIZATION_CONFIG,
                    Type.STRING,
                    "json",
                    ConfigDef.ValidString.in("json", "avro"),
                    Importance.HIGH,
                    "How event values are written to Kafka: 'json' (the validated UTF-8 JSON bytes, content_type "
                            + "application/json) or 'avro' (Avro binary in the Confluent wire format with a Schema "
                            + "Registry id, content_type application/avro).")
            .define(
                    REGISTRY_URL_CONFIG,
                    Type.STRING,
                    "http://localhost:8081",
                    new UrlValidator(),
                    Importance.HIGH,
                    "Base URL of a Confluent-compatible Schema Registry REST API (for Apicurio: "
                            + "http://host:port/apis/ccompat/v7). 'mock://<scope>' selects an in-memory registry "
                            + "shared by everything in the JVM using the same scope (tests, demos).")
            .define(
                    REGISTRY_BASIC_AUTH_USER_INFO_CONFIG,
                    Type.PASSWORD,
                    null,
                    Importance.MEDIUM,
                    "Basic authentication credentials for the Schema Registry, as 'user:password'.")
            .define(
                    REGISTRY_BEARER_TOKEN_CONFIG,
                    Type.PASSWORD,
                    null,
                    Importance.MEDIUM,
                    "Bearer token sent as 'Authorization: Bearer <token>' to the Schema Registry. "
                            + "Mutually exclusive with basic authentication.")
            .define(
                    REGISTRY_TRUSTSTORE_LOCATION_CONFIG,
                    Type.STRING,
                    "",
                    Importance.LOW,
                    "Trust store (PKCS12 or JKS) with the CA certificates for an https registry URL. "
                            + "Empty uses the JVM's default trust store.")
            .define(
                    REGISTRY_TRUSTSTORE_PASSWORD_CONFIG,
                    Type.PASSWORD,
                    null,
                    Importance.LOW,
                    "Password of the registry trust store.")
            .define(
                    REGISTRY_CONNECT_TIMEOUT_MS_CONFIG,
                    Type.INT,
                    5000,
                    ConfigDef.Range.between(1, 600_000),
                    Importance.LOW,
                    "How long to wait for a TCP/TLS connection to the Schema Registry, in milliseconds.")
            .define(
                    REGISTRY_READ_TIMEOUT_MS_CONFIG,
                    Type.INT,
                    10000,
                    ConfigDef.Range.between(1, 600_000),
                    Importance.LOW,
                    "How long to wait for the Schema Registry's answer to one request, in milliseconds.")
            .define(
                    REGISTRY_RETRIES_CONFIG,
                    Type.INT,
                    3,
                    ConfigDef.Range.between(0, 20),
                    Importance.LOW,
                    "How many times a registry request is retried after a connection error or an HTTP 5xx answer "
                            + "(never after 4xx).")
            .define(
                    REGISTRY_RETRY_BACKOFF_MS_CONFIG,
                    Type.LONG,
                    200L,
                    ConfigDef.Range.between(0, 60_000),
                    Importance.LOW,
                    "Initial wait before retrying a registry request, in milliseconds; doubled after each retry.")
            .define(
                    REGISTRY_MODE_CONFIG,
                    Type.STRING,
                    "auto-register",
                    ConfigDef.ValidString.in("auto-register", "use-latest", "pinned"),
                    Importance.MEDIUM,
                    "How the Avro codec obtains its schema id. 'auto-register' registers the catalog version "
                            + "under the subject before first use (the registry checks compatibility; for "
                            + "development). 'use-latest' writes with the subject's latest registered schema, "
                            + "which must be able to read the catalog version. 'pinned' writes with exactly the "
                            + "schema id given by " + REGISTRY_PINNED_ID_CONFIG + ".")
            .define(
                    REGISTRY_RULES_CONFIG,
                    Type.STRING,
                    "catalog",
                    ConfigDef.ValidString.in("catalog", "register"),
                    Importance.LOW,
                    "Where the data-contract rules (<dataset>/v<N>.rules.json) go besides the catalog. 'catalog': "
                            + "nowhere; 'register': 'schema register' sends them with the schema as its ruleSet and "
                            + "reports a registry that refuses or drops it. StreamLake always runs the catalog's "
                            + "rules, whatever the registry holds.")
            .define(
                    REGISTRY_PINNED_ID_CONFIG,
                    Type.INT,
                    null,
                    ConfigDef.LambdaValidator.with(
                            (name, value) -> {
                                if (value != null && (Integer) value < 0) {
                                    throw new ConfigException(name, value, "must be a registry schema id (0 or more)");
                                }
                            },
                            () -> "empty, or a schema id (0 or more)"),
                    Importance.LOW,
                    "The registry schema id used when " + REGISTRY_MODE_CONFIG + "=pinned.")
            .define(
                    SUBJECT_NAME_STRATEGY_CONFIG,
                    Type.STRING,
                    "topic",
                    ConfigDef.ValidString.in("topic", "record", "topic-record"),
                    Importance.MEDIUM,
                    "Registry subject for a dataset's schema: 'topic' gives '<raw topic>-value', 'record' the "
                            + "record's full name, 'topic-record' '<raw topic>-<record full name>'.")
            .define(
                    CATALOG_DIR_CONFIG,
                    Type.STRING,
                    "",
                    Importance.MEDIUM,
                    "Directory with more schemas laid out as <dataset>/v<N>.avsc, each with its optional "
                            + "data-contract rules in <dataset>/v<N>.rules.json. Its files extend the built-in "
                            + "catalog and override a built-in version of the same dataset (schema and rules "
                            + "together). Empty uses the built-in catalog only.")
            .define(
                    UNKNOWN_FIELDS_CONFIG,
                    Type.STRING,
                    "reject",
                    ConfigDef.ValidString.in("reject", "ignore"),
                    Importance.MEDIUM,
                    "What validation does with a JSON field the schema does not declare: 'reject' makes it a "
                            + "violation (the event is dead-lettered), 'ignore' accepts the event (Avro drops the "
                            + "field; JSON keeps the original bytes).")
            .define(
                    VALIDATION_ENABLED_CONFIG,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Validate every JSON payload against its dataset's schema before serializing. When false, "
                            + "only errors the codec cannot get past (Avro conversion) reject an event.");

    public SchemaConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
        if (registryMode() == RegistryMode.PINNED && getInt(REGISTRY_PINNED_ID_CONFIG) == null) {
            throw new ConfigException(
                    REGISTRY_PINNED_ID_CONFIG, null, "must be set when " + REGISTRY_MODE_CONFIG + "=pinned");
        }
        if (getPassword(REGISTRY_BASIC_AUTH_USER_INFO_CONFIG) != null
                && getPassword(REGISTRY_BEARER_TOKEN_CONFIG) != null) {
            throw new ConfigException(
                    REGISTRY_BEARER_TOKEN_CONFIG,
                    "[hidden]",
                    "cannot be combined with " + REGISTRY_BASIC_AUTH_USER_INFO_CONFIG + "; choose one authentication");
        }
        Password userInfo = getPassword(REGISTRY_BASIC_AUTH_USER_INFO_CONFIG);
        if (userInfo != null && userInfo.value().indexOf(':') < 1) {
            throw new ConfigException(REGISTRY_BASIC_AUTH_USER_INFO_CONFIG, "[hidden]", "must be 'user:password'");
        }
    }

    /** The declarations of every key, for validation and for the generated configuration reference. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public Serialization serialization() {
        return Serialization.valueOf(getString(SERIALIZATION_CONFIG).toUpperCase(Locale.ROOT));
    }

    public RegistryMode registryMode() {
        return RegistryMode.valueOf(
                getString(REGISTRY_MODE_CONFIG).toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public RegistryRules registryRules() {
        return RegistryRules.valueOf(getString(REGISTRY_RULES_CONFIG).toUpperCase(Locale.ROOT));
    }

    public Optional<Integer> pinnedId() {
        return Optional.ofNullable(getInt(REGISTRY_PINNED_ID_CONFIG));
    }

    public String subjectNameStrategy() {
        return getString(SUBJECT_NAME_STRATEGY_CONFIG);
    }

    public Optional<Path> catalogDir() {
        String dir = getString(CATALOG_DIR_CONFIG);
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir.trim()));
    }

    public boolean rejectUnknownFields() {
        return getString(UNKNOWN_FIELDS_CONFIG).equals("reject");
    }

    public boolean validationEnabled() {
        return getBoolean(VALIDATION_ENABLED_CONFIG);
    }

    /** Checks the registry URL: http, https or mock. */
    private static final class UrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String url = value == null ? "" : value.toString().trim();
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("mock://") && url.length() > "mock://".length()) {
                return;
            }
            if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
                throw new ConfigException(name, value, "must be an http://, https:// or mock://<scope> URL");
            }
            try {
                java.net.URI uri = java.net.URI.create(url);
                if (uri.getHost() == null) {
                    throw new ConfigException(name, value, "has no host");
                }
                if (uri.getUserInfo() != null) {
                    throw new ConfigException(
                            name,
                            "[hidden]",
                            "must not contain credentials; use " + REGISTRY_BASIC_AUTH_USER_INFO_CONFIG);
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "http://host:port[/path], https://…, or mock://<scope>";
        }
    }
}
