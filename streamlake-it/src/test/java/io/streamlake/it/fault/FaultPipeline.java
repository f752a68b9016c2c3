package io.streamlake.it.fault;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.service.StreamIngestionService;
import io.streamlake.it.support.PipelineWiring;
import io.streamlake.kafka.provision.ProvisioningResult;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.test.KafkaEndpoint;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The production wiring for fault tests (after {@code it.pipeline.PipelineFixture}): the schema module from
 * {@link SchemaModuleFactory}, the Kafka adapter with test-chosen overrides (timeouts, replication) and the core's
 * {@link IngestionService} and {@link StreamIngestionService}. Each pipeline has its own topic prefix, so topics
 * and registry subjects never collide. Not thread-safe except {@link #ingestion()}; close it.
 */
final class FaultPipeline implements AutoCloseable {

    static final DatasetName ORDERS = DatasetName.of("orders");
    static final DatasetName PAYMENTS = DatasetName.of("payments");
    /** Partitions of every provisioned RAW and DLQ topic unless a test overrides {@code topics.partitions}. */
    static final int PARTITIONS = 3;

    private final KafkaEndpoint kafka;
    private final TopicNaming naming;
    private final SchemaModule schema;
    private final KafkaAdapter adapter;
    private final IngestionService ingestion;
    private final StreamIngestionService stream;

    private FaultPipeline(KafkaEndpoint kafka, TopicNaming naming, SchemaModule schema, KafkaAdapter adapter) {
        this.kafka = kafka;
        this.naming = naming;
        this.schema = schema;
        this.adapter = adapter;
        PipelineWiring wiring = PipelineWiring.of(naming, schema, adapter);
        this.ingestion = wiring.ingestion();
        this.stream = wiring.stream();
    }

    /** Schema settings for the JSON codec. */
    static Map<String, String> json() {
        return Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json");
    }

    /**
     * A pipeline with a fresh topic prefix on {@code kafka}; {@code adapterOverrides} are adapter settings
     * ({@code kafka.*} pass-through included) laid over the defaults used here.
     */
    static FaultPipeline start(
            KafkaEndpoint kafka, Map<String, String> schemaSettings, Map<String, String> adapterOverrides) {
        TopicNaming naming = new TopicNaming(kafka.uniqueName("f"));
        SchemaModule schema = SchemaModuleFactory.create(new SchemaConfig(schemaSettings), naming);
        Map<String, Object> settings = PipelineWiring.adapterSettings(kafka, PARTITIONS, adapterOverrides);
        return new FaultPipeline(kafka, naming, schema, KafkaAdapter.create(new KafkaAdapterConfig(settings), naming));
    }

    TopicNaming naming() {
        return naming;
    }

    SchemaModule schema() {
        return schema;
    }

    KafkaAdapter adapter() {
        return adapter;
    }

    IngestionService ingestion() {
        return ingestion;
    }

    String raw(DatasetName dataset) {
        return naming.raw(dataset);
    }

    String deadLetter(DatasetName dataset) {
        return naming.deadLetter(dataset);
    }

    /** Creates the dataset's RAW and DLQ topics (the provisioner waits until every partition's leader answers). */
    ProvisioningResult provision(DatasetName dataset) {
        return adapter.topicProvisioner().ensureTopics(dataset);
    }

    /** Events through {@link StreamIngestionService}; each outcome to {@code onResult}, on whichever thread completes it. */
    BatchSummary ingestAll(Iterator<IngestCommand> commands, Consumer<IngestionResult> onResult) {
        return stream.ingestAll(commands, onResult);
    }

    /** The sum of the end offsets of every partition of {@code topic}: how many records were ever written. */
    long endOffsets(String topic) {
        return kafka.recordsWritten(topic);
    }

    @Override
    public void close() {
        adapter.close();
    }
}
