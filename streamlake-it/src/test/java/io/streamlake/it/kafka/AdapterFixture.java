package io.streamlake.it.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.testing.InMemoryPayloadSerializer;
import io.streamlake.core.testing.InMemoryPayloadValidator;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.test.KafkaEndpoint;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Builds the adapter and the core's ingestion service for a test, on the shared cluster. */
final class AdapterFixture {

    /** Topic prefix of every adapter integration test. */
    static final TopicNaming NAMING = new TopicNaming("it");

    private AdapterFixture() {}

    /** Adapter settings for {@code kafka}: its bootstrap servers and security settings, then the overrides. */
    static Map<String, Object> settings(KafkaEndpoint kafka, String... overrides) {
        return settings(kafka.clientProperties(), overrides);
    }

    /** Adapter settings from kafka-clients properties: bootstrap servers typed, the rest {@code kafka.}-prefixed. */
    static Map<String, Object> settings(Map<String, Object> clientProperties, String... overrides) {
        Map<String, Object> settings = new HashMap<>();
        clientProperties.forEach((key, value) -> settings.put(
                key.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                        ? key
                        : KafkaAdapterConfig.PASSTHROUGH_PREFIX + key,
                value));
        settings.put(KafkaAdapterConfig.CONNECT_CHECK_TIMEOUT_MS_CONFIG, "10000");
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return settings;
    }

    static KafkaAdapter adapter(KafkaEndpoint kafka, String... overrides) {
        return KafkaAdapter.create(new KafkaAdapterConfig(settings(kafka, overrides)), NAMING);
    }

    /** An adapter whose dead letters keep at most {@code deadLetterPayloadLimit} payload bytes. */
    static KafkaAdapter adapter(KafkaEndpoint kafka, int deadLetterPayloadLimit, String... overrides) {
        return KafkaAdapter.create(new KafkaAdapterConfig(settings(kafka, overrides)), NAMING, deadLetterPayloadLimit);
    }

    /** A fresh dataset name, so every test has its own topics. */
    static DatasetName dataset(KafkaEndpoint kafka, String base) {
        return DatasetName.of(kafka.uniqueName(base));
    }

    /**
     * The core's ingestion use case wired with this adapter and the core's tiny {@code name=value;…} codec:
     * {@code dataset} v1 requires field {@code id}.
     */
    static IngestionService ingestion(KafkaAdapter adapter, DatasetName dataset) {
        return new IngestionService(
                IngestionSettings.defaults().withTopics(NAMING),
                new KeyValuePayloadParser(),
                new InMemoryPayloadValidator().require(dataset, SchemaVersion.of(1), "id"),
                new InMemoryPayloadSerializer(),
                adapter.eventPublisher(),
                adapter.deadLetterPort(),
                IdGenerator.randomUuids(),
                Clock.systemUTC());
    }

    /** A record's headers by name (UTF-8 values); a repeated name keeps its last value. */
    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> out = new TreeMap<>();
        for (Header h : record.headers()) {
            out.put(h.key(), new String(h.value(), UTF_8));
        }
        return out;
    }

    /** A record's header names in order. */
    static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        List<String> names = new java.util.ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        return names;
    }
}
