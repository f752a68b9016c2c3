package io.streamlake.kafka.settings;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;

import io.streamlake.kafka.provision.TopicProvisioner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka adapter's settings, each declared once in {@link #configDef()} (name, type, default, validator,
 * doc), as Kafka's own {@code ProducerConfig} does. Key names are public API; the configuration reference in
 * {@code docs/} is generated from {@link #configDef()}.
 *
 * <p>Any key starting with {@value #PASSTHROUGH_PREFIX} goes to kafka-clients unchanged with the prefix
 * stripped (SASL, TLS, …); it overrides the typed key of the same name. Construction fails with a
 * {@link ConfigException} naming the key when a key is unknown, a value is invalid, or an override would
 * break ordering or durability (unless {@value #UNSAFE_PRODUCER_SETTINGS_ALLOWED_CONFIG} is true).
 * {@link #toString()} and {@link #redacted()} never show secrets. Immutable and thread-safe.
 */
public final class KafkaAdapterConfig extends AbstractConfig {

    /** Keys with this prefix pass through to kafka-clients, prefix stripped. */
    public static final String PASSTHROUGH_PREFIX = "kafka.";

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to connect to first, host:port[,host:port...].";
    public static final String CLIENT_ID_CONFIG = "client.id";
    public static final String CLIENT_ID_DOC = "Client id the producer reports to the brokers (logs, quotas, metrics).";
    public static final String ACKS_CONFIG = "acks";
    public static final String ACKS_DOC =
            "Acknowledgements the leader waits for: 'all' (= -1) keeps every acknowledged "
                    + "record on all in-sync replicas. '1' loses acknowledged records on leader failure and is refused "
                    + "unless unsafe.producer.settings.allowed=true; '0' is always refused (no acknowledgement to report).";
    public static final String ENABLE_IDEMPOTENCE_CONFIG = "enable.idempotence";
    public static final String ENABLE_IDEMPOTENCE_DOC =
            "Idempotent producer: retries write no duplicates and keep order. "
                    + "false is refused unless unsafe.producer.settings.allowed=true.";
    public static final String MAX_IN_FLIGHT_CONFIG = "max.in.flight.requests.per.connection";
    public static final String MAX_IN_FLIGHT_DOC =
            "Unacknowledged requests per broker connection. Above 5 the idempotent "
                    + "producer cannot keep per-key order; refused unless unsafe.producer.settings.allowed=true.";
    public static final String LINGER_MS_CONFIG = "linger.ms";
    public static final String LINGER_MS_DOC = "How long the producer waits to fill a batch before sending it.";
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    public static final String BATCH_SIZE_DOC = "Upper bound of a partition's batch, in bytes.";
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    public static final String COMPRESSION_TYPE_DOC = "Compression of record batches: none, gzip, snappy, lz4 or zstd.";
    public static final String DELIVERY_TIMEOUT_MS_CONFIG = "delivery.timeout.ms";
    public static final String DELIVERY_TIMEOUT_MS_DOC =
            "Upper bound on the time between send and its outcome, retries "
                    + "included; an event not acknowledged by then fails (retriable). At least linger.ms + request.timeout.ms.";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_DOC =
            "How long the producer waits for one request's response before retrying it.";
    public static final String UNSAFE_PRODUCER_SETTINGS_ALLOWED_CONFIG = "unsafe.producer.settings.allowed";
    public static final String UNSAFE_PRODUCER_SETTINGS_ALLOWED_DOC =
            "Accept producer overrides that break ordering or "
                    + "durability (acks=1, enable.idempotence=false, more than 5 requests in flight, keys ignored by the "
                    + "partitioner, a custom partitioner), typed or kafka.-prefixed. Off: such overrides fail at start.";
    public static final String HEADERS_STYLE_CONFIG = "headers.style";
    public static final String HEADERS_STYLE_DOC = "Which metadata headers are written: 'streamlake' (dataset, "
            + "schema_version, ingestion_id, event_time, producer_service, content_type), 'cloudevents' (CloudEvents "
            + "Kafka binary mode: ce_* and content-type, plus dataset and schema_version) or 'both'.";
    public static final String CONNECT_CHECK_TIMEOUT_MS_CONFIG = "connect.check.timeout.ms";
    public static final String CONNECT_CHECK_TIMEOUT_MS_DOC = "At start, the cluster must answer a describe-cluster "
            + "request within this time, so an unreachable cluster fails in seconds rather than after delivery.timeout.ms.";
    public static final String OUTAGE_FAIL_AFTER_MS_CONFIG = "outage.fail.after.ms";
    public static final String OUTAGE_FAIL_AFTER_MS_DOC = "When records are outstanding and no broker has answered "
            + "(acknowledged, refused, or answered a describe-cluster probe) for this long, every further send fails at "
            + "once (retriable, 'cluster unreachable since ...') instead of waiting max.block.ms, a send already waiting "
            + "in the producer is woken and fails the same way, and a stream stops reading; sends work again once a probe finds the cluster answering. Records already sent keep their "
            + "outcome (acknowledged, or failed after delivery.timeout.ms).";
    public static final String TRANSACTIONAL_ID_PREFIX_CONFIG = "transactional.id.prefix";
    public static final String TRANSACTIONAL_ID_PREFIX_DOC = "delivery.guarantee=exactly-once: the transactional.id "
            + "of a file's run is this prefix, then the dataset, then 16 hex digits of the SHA-256 of topic.prefix and "
            + "the file's absolute path; stable across runs of the same file, so a re-run fences a killed one and the "
            + "coordinator aborts its open transaction. On a secured cluster grant WRITE and DESCRIBE on "
            + "TransactionalId resources with this prefix (PREFIXED).";
    public static final String TOPICS_PARTITIONS_CONFIG = "topics.partitions";
    public static final String TOPICS_PARTITIONS_DOC =
            "Partitions of each provisioned RAW and DLQ topic (equal counts keep "
                    + "a dead letter on its key's RAW partition number).";
    public static final String TOPICS_REPLICATION_FACTOR_CONFIG = "topics.replication.factor";
    public static final String TOPICS_REPLICATION_FACTOR_DOC = "Replication factor of provisioned topics; -1 takes the "
            + "broker's default.replication.factor. Use 3 in production.";
    public static final String TOPICS_MIN_INSYNC_REPLICAS_CONFIG = "topics.min.insync.replicas";
    public static final String TOPICS_MIN_INSYNC_REPLICAS_DOC =
            "min.insync.replicas of provisioned topics; empty (null) "
                    + "takes the broker's default. Use 2 with replication factor 3 in production.";
    public static final String TOPICS_DLQ_RETENTION_MS_CONFIG = "topics.dlq.retention.ms";
    public static final String TOPICS_DLQ_RETENTION_MS_DOC =
            "retention.ms of provisioned DLQ topics (-1 keeps forever).";
    public static final String TOPICS_RAW_RETENTION_MS_CONFIG = "topics.raw.retention.ms";
    public static final String TOPICS_RAW_RETENTION_MS_DOC =
            "retention.ms of provisioned RAW topics; empty (null) takes "
                    + "the broker's log.retention settings, -1 keeps forever.";
    public static final String TOPICS_READY_TIMEOUT_MS_CONFIG = "topics.ready.timeout.ms";
    public static final String TOPICS_READY_TIMEOUT_MS_DOC =
            "After provisioning, how long to wait until every partition's "
                    + "leader answers a list-offsets request (works around KAFKA-15591).";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(
                    BOOTSTRAP_SERVERS_CONFIG,
                    Type.LIST,
                    "localhost:9092",
                    Validators.nonEmptyList(),
                    HIGH,
                    BOOTSTRAP_SERVERS_DOC)
            .define(
                    CLIENT_ID_CONFIG,
                    Type.STRING,
                    "streamlake-producer",
                    new ConfigDef.NonEmptyString(),
                    LOW,
                    CLIENT_ID_DOC)
            .define(ACKS_CONFIG, Type.STRING, "all", ValidString.in("all", "-1", "1", "0"), HIGH, ACKS_DOC)
            .define(ENABLE_IDEMPOTENCE_CONFIG, Type.BOOLEAN, true, null, HIGH, ENABLE_IDEMPOTENCE_DOC)
            .define(MAX_IN_FLIGHT_CONFIG, Type.INT, 5, atLeast(1), MEDIUM, MAX_IN_FLIGHT_DOC)
            .define(LINGER_MS_CONFIG, Type.LONG, 10L, atLeast(0), MEDIUM, LINGER_MS_DOC)
            .define(BATCH_SIZE_CONFIG, Type.INT, 65_536, atLeast(0), MEDIUM, BATCH_SIZE_DOC)
            .define(
                    COMPRESSION_TYPE_CONFIG,
                    Type.STRING,
                    "lz4",
                    ValidString.in("none", "gzip", "snappy", "lz4", "zstd"),
                    MEDIUM,
                    COMPRESSION_TYPE_DOC)
            .define(DELIVERY_TIMEOUT_MS_CONFIG, Type.INT, 120_000, atLeast(1), MEDIUM, DELIVERY_TIMEOUT_MS_DOC)
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30_000, atLeast(1), MEDIUM, REQUEST_TIMEOUT_MS_DOC)
            .define(
                    UNSAFE_PRODUCER_SETTINGS_ALLOWED_CONFIG,
                    Type.BOOLEAN,
                    false,
                    null,
                    LOW,
                    UNSAFE_PRODUCER_SETTINGS_ALLOWED_DOC)
            .define(
                    HEADERS_STYLE_CONFIG,
                    Type.STRING,
                    "streamlake",
                    ValidString.in(HeadersStyle.names()),
                    MEDIUM,
                    HEADERS_STYLE_DOC)
            .define(CONNECT_CHECK_TIMEOUT_MS_CONFIG, Type.INT, 10_000, atLeast(1), MEDIUM, CONNECT_CHECK_TIMEOUT_MS_DOC)
            .define(OUTAGE_FAIL_AFTER_MS_CONFIG, Type.LONG, 30_000L, atLeast(1), MEDIUM, OUTAGE_FAIL_AFTER_MS_DOC)
            .define(
                    TRANSACTIONAL_ID_PREFIX_CONFIG,
                    Type.STRING,
                    "streamlake-",
                    new ConfigDef.NonEmptyString(),
                    MEDIUM,
                    TRANSACTIONAL_ID_PREFIX_DOC)
            .define(TOPICS_PARTITIONS_CONFIG, Type.INT, 6, atLeast(1), MEDIUM, TOPICS_PARTITIONS_DOC)
            .define(
                    TOPICS_REPLICATION_FACTOR_CONFIG,
                    Type.SHORT,
                    (short) -1,
                    Validators.minusOneOrPositive(),
                    MEDIUM,
                    TOPICS_REPLICATION_FACTOR_DOC)
            .define(
                    TOPICS_MIN_INSYNC_REPLICAS_CONFIG,
                    Type.INT,
                    null,
                    Validators.nullOr(atLeast(1)),
                    MEDIUM,
                    TOPICS_MIN_INSYNC_REPLICAS_DOC)
            .define(
                    TOPICS_DLQ_RETENTION_MS_CONFIG,
                    Type.LONG,
                    14L * 24 * 60 * 60 * 1000,
                    atLeast(-1),
                    MEDIUM,
                    TOPICS_DLQ_RETENTION_MS_DOC)
            .define(
                    TOPICS_RAW_RETENTION_MS_CONFIG,
                    Type.LONG,
                    null,
                    Validators.nullOr(atLeast(-1)),
                    MEDIUM,
                    TOPICS_RAW_RETENTION_MS_DOC)
            .define(TOPICS_READY_TIMEOUT_MS_CONFIG, Type.INT, 30_000, atLeast(1), LOW, TOPICS_READY_TIMEOUT_MS_DOC);

    /**
     * @param settings typed keys and {@code kafka.}-prefixed pass-through keys; values as strings or typed
     * @throws ConfigException naming the key: unknown key, invalid value, unsafe override, inconsistent timeouts
     */
    public KafkaAdapterConfig(Map<String, ?> settings) {
        super(CONFIG, settings, false);
        SettingsCheck.verify(this);
    }

    /** Every typed key, for generating the configuration reference. A copy: changing it changes nothing here. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /**
     * True for the keys this class accepts: a declared key or any {@code kafka.}-prefixed one. Lets a caller that
     * reads one properties file for several modules pick this module's keys.
     */
    public static boolean accepts(String key) {
        return CONFIG.names().contains(key)
                || (key.startsWith(PASSTHROUGH_PREFIX) && key.length() > PASSTHROUGH_PREFIX.length());
    }

    /** The bootstrap servers in effect ({@code kafka.bootstrap.servers} wins, as it does for the clients). */
    public String bootstrapServers() {
        Object override = passthrough().get(BOOTSTRAP_SERVERS_CONFIG);
        return override != null ? String.valueOf(override) : String.join(",", getList(BOOTSTRAP_SERVERS_CONFIG));
    }

    public HeadersStyle headersStyle() {
        return HeadersStyle.parse(getString(HEADERS_STYLE_CONFIG));
    }

    public int connectCheckTimeoutMs() {
        return getInt(CONNECT_CHECK_TIMEOUT_MS_CONFIG);
    }

    /** How long the cluster may stay silent while records are outstanding before sends fail at once. */
    public long outageFailAfterMs() {
        return getLong(OUTAGE_FAIL_AFTER_MS_CONFIG);
    }

    /**
     * How this configuration authenticates, for error messages: {@code security.protocol}, {@code sasl.mechanism}
     * and the principal ({@code username="…"} of {@code kafka.sasl.jaas.config}). Never contains a secret.
     */
    public String securityContext() {
        return KafkaFailures.of(this).securityContext();
    }

    /** The prefix of the transactional.id of exactly-once file runs. */
    public String transactionalIdPrefix() {
        return getString(TRANSACTIONAL_ID_PREFIX_CONFIG);
    }

    /** The {@code kafka.}-prefixed keys, prefix stripped, values as given. */
    public Map<String, Object> passthrough() {
        return originalsWithPrefix(PASSTHROUGH_PREFIX, true);
    }

    /** The topic settings {@link TopicProvisioner} applies. */
    public TopicSettings topicSettings() {
        return new TopicSettings(
                getInt(TOPICS_PARTITIONS_CONFIG),
                getShort(TOPICS_REPLICATION_FACTOR_CONFIG),
                getInt(TOPICS_MIN_INSYNC_REPLICAS_CONFIG),
                getLong(TOPICS_DLQ_RETENTION_MS_CONFIG),
                getLong(TOPICS_RAW_RETENTION_MS_CONFIG),
                getInt(TOPICS_READY_TIMEOUT_MS_CONFIG));
    }

    /** The producer's {@code max.block.ms}: {@code kafka.max.block.ms} when set, else kafka-clients' default. */
    public long maxBlockMs() {
        Object value = producerProperties().get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        if (value == null) {
            value = ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        }
        return Long.parseLong(value.toString().trim());
    }

    /** Properties for the {@code KafkaProducer}: typed values, then every pass-through key over them. */
    public Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        for (String key : List.of(
                CLIENT_ID_CONFIG,
                ACKS_CONFIG,
                ENABLE_IDEMPOTENCE_CONFIG,
                MAX_IN_FLIGHT_CONFIG,
                LINGER_MS_CONFIG,
                BATCH_SIZE_CONFIG,
                COMPRESSION_TYPE_CONFIG,
                DELIVERY_TIMEOUT_MS_CONFIG,
                REQUEST_TIMEOUT_MS_CONFIG)) {
            props.put(key, get(key));
        }
        props.putAll(passthrough());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /**
     * Properties for an {@code Admin} client on the same cluster: the connection settings (bootstrap servers,
     * client id, request timeout and every pass-through key that is not producer-only).
     */
    public Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, getString(CLIENT_ID_CONFIG) + "-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, getInt(REQUEST_TIMEOUT_MS_CONFIG));
        passthrough().forEach((k, v) -> {
            boolean producerOnly = ProducerConfig.configNames().contains(k)
                    && !AdminClientConfig.configNames().contains(k);
            if (!producerOnly && !k.equals(AdminClientConfig.CLIENT_ID_CONFIG)) {
                props.put(k, v);
            }
        });
        return props;
    }

    /** Every setting in effect, sorted by key, secrets shown as {@value Secrets#HIDDEN}. */
    public Map<String, String> redacted() {
        return Secrets.redact(this);
    }

    @Override
    public String toString() {
        return "KafkaAdapterConfig" + redacted();
    }
}
