package io.streamlake.kafka.settings;

import static io.streamlake.kafka.settings.KafkaAdapterConfig.ACKS_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.ENABLE_IDEMPOTENCE_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.LINGER_MS_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.MAX_IN_FLIGHT_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.PASSTHROUGH_PREFIX;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.TOPICS_MIN_INSYNC_REPLICAS_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.TOPICS_REPLICATION_FACTOR_CONFIG;
import static io.streamlake.kafka.settings.KafkaAdapterConfig.UNSAFE_PRODUCER_SETTINGS_ALLOWED_CONFIG;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The checks {@link ConfigDef} cannot express: unknown keys, pass-through keys that would break the adapter,
 * producer overrides that break ordering or durability, and cross-field constraints. Each failure names its key.
 */
final class SettingsCheck {

    /** Pass-through keys the adapter sets itself; changing them would break it. */
    private static final Set<String> RESERVED = Set.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG);

    private SettingsCheck() {}

    static void verify(KafkaAdapterConfig config) {
        Map<String, Object> originals = config.originals();
        Set<String> declared = KafkaAdapterConfig.configDef().names();
        for (String key : originals.keySet()) {
            if (key.startsWith(PASSTHROUGH_PREFIX)) {
                checkPassthroughKey(key, key.substring(PASSTHROUGH_PREFIX.length()), originals, declared);
            } else if (!declared.contains(key)) {
                throw new ConfigException(
                        "Unknown configuration key '" + key + "'. Settings for kafka-clients take the '"
                                + PASSTHROUGH_PREFIX + "' prefix, e.g. '" + PASSTHROUGH_PREFIX + key + "'.");
            }
        }
        boolean unsafeAllowed = config.getBoolean(UNSAFE_PRODUCER_SETTINGS_ALLOWED_CONFIG);
        checkSafety(ACKS_CONFIG, config.getString(ACKS_CONFIG), unsafeAllowed);
        checkSafety(ENABLE_IDEMPOTENCE_CONFIG, config.getBoolean(ENABLE_IDEMPOTENCE_CONFIG), unsafeAllowed);
        checkSafety(MAX_IN_FLIGHT_CONFIG, config.getInt(MAX_IN_FLIGHT_CONFIG), unsafeAllowed);
        for (Map.Entry<String, Object> e : config.passthrough().entrySet()) {
            checkSafety(PASSTHROUGH_PREFIX + e.getKey(), e.getValue(), unsafeAllowed);
        }
        checkTimeouts(config);
        checkReplicas(config);
    }

    private static void checkPassthroughKey(
            String key, String clientKey, Map<String, Object> originals, Set<String> declared) {
        if (clientKey.isEmpty()) {
            throw new ConfigException("Configuration key '" + key + "' names no kafka-clients setting");
        }
        if (RESERVED.contains(clientKey)) {
            throw new ConfigException(
                    "Configuration key '" + key + "' is set by the adapter itself and cannot be overridden");
        }
        if (declared.contains(clientKey)
                && originals.containsKey(clientKey)
                && !Objects.equals(String.valueOf(originals.get(clientKey)), String.valueOf(originals.get(key)))) {
            throw new ConfigException("Configuration keys '" + clientKey + "' and '" + key
                    + "' are both set, to different values; set only one");
        }
    }

    /** {@code key} is a typed key or a {@code kafka.}-prefixed one; {@code value} as given or typed. */
    private static void checkSafety(String key, Object value, boolean unsafeAllowed) {
        String clientKey = key.startsWith(PASSTHROUGH_PREFIX) ? key.substring(PASSTHROUGH_PREFIX.length()) : key;
        String problem = switch (clientKey) {
            case ACKS_CONFIG -> {
                String acks = String.valueOf(value).trim();
                if (acks.equals("0")) {
                    throw new ConfigException(key + "=0 is refused: without acknowledgements StreamLake cannot report "
                            + "whether an event was published");
                }
                yield acks.equals("all") || acks.equals("-1")
                        ? null
                        : "would break durability (acknowledged records "
                                + "can be lost when the leader fails; StreamLake needs acks=all)";
            }
            case ENABLE_IDEMPOTENCE_CONFIG ->
                Boolean.TRUE.equals(ConfigDef.parseType(key, value, Type.BOOLEAN))
                        ? null
                        : "would break ordering and allow duplicates (retries may reorder or repeat records)";
            case MAX_IN_FLIGHT_CONFIG ->
                (Integer) ConfigDef.parseType(key, value, Type.INT) <= 5
                        ? null
                        : "would break per-key ordering (the idempotent producer keeps order for at most 5 requests in flight)";
            case ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG ->
                Boolean.FALSE.equals(ConfigDef.parseType(key, value, Type.BOOLEAN))
                        ? null
                        : "would break per-key ordering (records of one key would spread over partitions)";
            case ProducerConfig.PARTITIONER_CLASS_CONFIG ->
                "would change which partition a key lands on "
                        + "(StreamLake relies on Kafka's murmur2 partitioner for per-key order and DLQ placement)";
            default -> null;
        };
        if (problem != null && !unsafeAllowed) {
            throw new ConfigException(key + "=" + value + " is refused: it " + problem + ". Set "
                    + UNSAFE_PRODUCER_SETTINGS_ALLOWED_CONFIG + "=true to accept this.");
        }
    }

    private static void checkTimeouts(KafkaAdapterConfig config) {
        Map<String, Object> pass = config.passthrough();
        long delivery = longOf(pass, DELIVERY_TIMEOUT_MS_CONFIG, config.getInt(DELIVERY_TIMEOUT_MS_CONFIG));
        long linger = longOf(pass, LINGER_MS_CONFIG, config.getLong(LINGER_MS_CONFIG));
        long request = longOf(pass, REQUEST_TIMEOUT_MS_CONFIG, config.getInt(REQUEST_TIMEOUT_MS_CONFIG));
        if (delivery < linger + request) {
            throw new ConfigException(
                    DELIVERY_TIMEOUT_MS_CONFIG + "=" + delivery + " is too small: it must be at least "
                            + LINGER_MS_CONFIG + " + " + REQUEST_TIMEOUT_MS_CONFIG + " = " + (linger + request));
        }
    }

    private static long longOf(Map<String, Object> passthrough, String key, long typed) {
        Object value = passthrough.get(key);
        return value == null ? typed : (Long) ConfigDef.parseType(PASSTHROUGH_PREFIX + key, value, Type.LONG);
    }

    private static void checkReplicas(KafkaAdapterConfig config) {
        short rf = config.getShort(TOPICS_REPLICATION_FACTOR_CONFIG);
        Integer minIsr = config.getInt(TOPICS_MIN_INSYNC_REPLICAS_CONFIG);
        if (rf != -1 && minIsr != null && minIsr > rf) {
            throw new ConfigException(TOPICS_MIN_INSYNC_REPLICAS_CONFIG + "=" + minIsr + " is larger than "
                    + TOPICS_REPLICATION_FACTOR_CONFIG + "=" + rf + ": no write with acks=all could ever succeed");
        }
    }
}
