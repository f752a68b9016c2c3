package io.streamlake.it.support;

import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.service.StreamIngestionService;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.schema.SchemaModule;
import io.streamlake.test.KafkaEndpoint;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The production wiring the pipeline and fault tests share: the core's use cases over a schema module and a
 * Kafka adapter, and the adapter settings those tests start from.
 */
public record PipelineWiring(IngestionService ingestion, StreamIngestionService stream) {

    /** Threads that prepare events in the stream use case. */
    public static final int PREPARE_THREADS = 3;

    /**
     * The core's ingestion and stream use cases on {@code naming}, with the schema module's codec and the adapter's
     * ports. The stream prepares on {@value #PREPARE_THREADS} threads (more than the default), so every pipeline and
     * fault test also runs the reordering of preparations that finish out of input order against a real broker.
     */
    public static PipelineWiring of(TopicNaming naming, SchemaModule schema, KafkaAdapter adapter) {
        IngestionSettings settings = IngestionSettings.defaults().withTopics(naming);
        IngestionService ingestion = new IngestionService(
                settings,
                schema.parser(),
                schema.validator(),
                schema.serializer(),
                adapter.eventPublisher(),
                adapter.deadLetterPort(),
                IdGenerator.randomUuids(),
                Clock.systemUTC());
        return new PipelineWiring(
                ingestion,
                new StreamIngestionService(ingestion, settings.maxInFlight(), PREPARE_THREADS, adapter::flush));
    }

    /**
     * Adapter settings for {@code kafka}: its client properties (as {@code kafka.*} pass-through), a 10 s
     * connectivity check, {@code partitions} per provisioned topic, 30 s delivery and 10 s request time-outs, then
     * {@code overrides}.
     */
    public static Map<String, Object> adapterSettings(
            KafkaEndpoint kafka, int partitions, Map<String, String> overrides) {
        Map<String, Object> settings = new HashMap<>();
        kafka.clientProperties()
                .forEach((key, value) -> settings.put(
                        key.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                                ? key
                                : KafkaAdapterConfig.PASSTHROUGH_PREFIX + key,
                        value));
        settings.put(KafkaAdapterConfig.CONNECT_CHECK_TIMEOUT_MS_CONFIG, "10000");
        settings.put(KafkaAdapterConfig.TOPICS_PARTITIONS_CONFIG, String.valueOf(partitions));
        settings.put(KafkaAdapterConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        settings.put(KafkaAdapterConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        settings.putAll(overrides);
        return settings;
    }
}
