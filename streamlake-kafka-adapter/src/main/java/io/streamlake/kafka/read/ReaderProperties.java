package io.streamlake.kafka.read;

import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Consumer properties for reading topics back, from the adapter's connection settings. */
final class ReaderProperties {

    private ReaderProperties() {}

    /**
     * Bootstrap servers, a client id, and every {@code kafka.}-prefixed key that is a consumer setting (SASL, TLS,
     * …); no group (partitions are assigned, nothing is committed), bytes in and out, no topic auto-creation.
     */
    static Map<String, Object> of(KafkaAdapterConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getString(KafkaAdapterConfig.CLIENT_ID_CONFIG) + "-reader");
        config.passthrough().forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /**
     * As {@link #of}, in consumer group {@code group}: partitions are still assigned (the group never rebalances),
     * offsets are committed only explicitly, and a partition without a committed offset starts at its beginning.
     */
    static Map<String, Object> inGroup(KafkaAdapterConfig config, String group) {
        Map<String, Object> props = of(config);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getString(KafkaAdapterConfig.CLIENT_ID_CONFIG) + "-replay");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
