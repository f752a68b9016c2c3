package io.streamlake.it.pipeline;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.SchemaVersion;
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
import io.streamlake.schema.registry.compat.PreparedSchema;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The whole pipeline as production wires it, on the shared broker (and registry): the schema module from
 * {@link SchemaModuleFactory#create(SchemaConfig, TopicNaming)} (parser, validator, codec, preflight), the Kafka
 * adapter (publisher, DLQ port, provisioner) and the core's {@link IngestionService} and
 * {@link StreamIngestionService}. Each fixture has its own topic prefix unless one is given, so topics and
 * registry subjects ({@code <prefix>.<dataset>.raw-value}) never collide between tests. Not thread-safe; close it.
 */
final class PipelineFixture implements AutoCloseable {

    /** Partitions of every provisioned RAW and DLQ topic. */
    static final int PARTITIONS = 3;

    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    static final DatasetName ORDERS = DatasetName.of("orders");
    static final DatasetName PAYMENTS = DatasetName.of("payments");

    private final KafkaEndpoint kafka;
    private final TopicNaming naming;
    private final SchemaModule schema;
    private final KafkaAdapter adapter;
    private final IngestionService ingestion;
    private final StreamIngestionService stream;

    private PipelineFixture(KafkaEndpoint kafka, TopicNaming naming, SchemaModule schema, KafkaAdapter adapter) {
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

    /** Schema settings for the Avro codec against {@code registry}. */
    static Map<String, String> avro(RegistryEndpoint registry) {
        return avro(registry.url());
    }

    static Map<String, String> avro(String registryUrl) {
        return Map.of(SchemaConfig.SERIALIZATION_CONFIG, "avro", SchemaConfig.REGISTRY_URL_CONFIG, registryUrl);
    }

    /** A pipeline with a fresh topic prefix. */
    static PipelineFixture start(KafkaEndpoint kafka, Map<String, String> schemaSettings) {
        return start(kafka, new TopicNaming(kafka.uniqueName("p")), schemaSettings);
    }

    /** A pipeline on the given topic naming (two fixtures may share one to play two deployments). */
    static PipelineFixture start(KafkaEndpoint kafka, TopicNaming naming, Map<String, String> schemaSettings) {
        return start(kafka, naming, naming, schemaSettings);
    }

    /**
     * A pipeline whose core (ingestion settings, schema subjects) names topics with {@code naming} while the adapter
     * (and its provisioner) was given {@code adapterNaming}: the core decides where RAW records and dead letters go.
     */
    static PipelineFixture start(
            KafkaEndpoint kafka, TopicNaming naming, TopicNaming adapterNaming, Map<String, String> schemaSettings) {
        SchemaModule schema = SchemaModuleFactory.create(new SchemaConfig(schemaSettings), naming);
        schema.verifyRegistryReachable();
        Map<String, Object> settings = PipelineWiring.adapterSettings(kafka, PARTITIONS, Map.of());
        return new PipelineFixture(
                kafka, naming, schema, KafkaAdapter.create(new KafkaAdapterConfig(settings), adapterNaming));
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

    String raw(DatasetName dataset) {
        return naming.raw(dataset);
    }

    String deadLetter(DatasetName dataset) {
        return naming.deadLetter(dataset);
    }

    /** Creates the datasets' RAW and DLQ topics with the adapter's provisioner (which waits for leaders). */
    List<ProvisioningResult> provision(DatasetName... datasets) {
        List<ProvisioningResult> results = new ArrayList<>();
        for (DatasetName dataset : datasets) {
            results.add(adapter.topicProvisioner().ensureTopics(dataset));
        }
        return results;
    }

    /** The start-up preflight: registers or checks the version (empty: latest) for Avro. */
    Optional<PreparedSchema> prepare(DatasetName dataset, Optional<SchemaVersion> version) {
        return schema.prepare(dataset, version);
    }

    /** One event through {@link IngestionService}, flushed, waited for. */
    IngestionResult ingest(IngestCommand command) throws Exception {
        var pending = ingestion.ingest(command);
        adapter.flush();
        return pending.get(30, TimeUnit.SECONDS);
    }

    /** Events through {@link StreamIngestionService}; outcomes in completion order. */
    Batch ingestAll(List<IngestCommand> commands) {
        List<IngestionResult> results = Collections.synchronizedList(new ArrayList<>());
        BatchSummary summary = stream.ingestAll(commands.iterator(), results::add);
        return new Batch(summary, List.copyOf(results));
    }

    record Batch(BatchSummary summary, List<IngestionResult> results) {}

    /** Everything on {@code topic} from the beginning, waiting until {@code expected} records arrived. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        return kafka.consumeAll(topic, expected, READ_TIMEOUT);
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
