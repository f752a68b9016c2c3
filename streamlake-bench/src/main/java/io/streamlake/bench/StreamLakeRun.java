package io.streamlake.bench;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.PreparedEvent;
import io.streamlake.core.port.in.StagedIngestUseCase;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.service.StreamIngestionService;
import io.streamlake.kafka.publish.KafkaAdapter;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Scenarios {@code json} and {@code avro}: the production wiring (schema module from {@link SchemaModuleFactory},
 * the Kafka adapter, the core's {@link IngestionService} under {@link StreamIngestionService}), each event an
 * {@link IngestCommand} keyed by its {@code order_id} field, validated against the catalog, serialized as JSON
 * ({@code json}) or Avro via the registry ({@code avro}; the schema is prepared before timing starts, as
 * {@code streamlake produce} does), prepared on {@code prepareThreads} worker threads as {@code streamlake produce}
 * does ({@code prepare.threads}). The latency of each event is taken from its dispatch to the transport to its
 * outcome (one wrapping callback per event, which the raw baseline's callback mirrors: send to acknowledgement).
 */
final class StreamLakeRun {

    private StreamLakeRun() {}

    static RunResult run(
            BenchCluster cluster,
            Workload workload,
            String label,
            int pair,
            int events,
            boolean avro,
            String registryUrl,
            int prepareThreads) {
        TopicNaming naming = cluster.freshTopics(label);
        SchemaConfig schemaConfig = new SchemaConfig(
                avro
                        ? Map.of(
                                SchemaConfig.SERIALIZATION_CONFIG,
                                "avro",
                                SchemaConfig.REGISTRY_URL_CONFIG,
                                registryUrl)
                        : Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json"));
        SchemaModule schema = SchemaModuleFactory.create(schemaConfig, naming);
        schema.verifyRegistryReachable();
        schema.prepare(Workload.DATASET, Optional.empty());
        Latencies latencies = new Latencies(events);
        long started;
        long finished;
        BatchSummary summary;
        RunCpu.Used cpuUsed;
        Map<String, Double> batching;
        try (KafkaAdapter adapter = KafkaAdapter.create(cluster.adapterConfig(), naming)) {
            IngestionSettings settings = IngestionSettings.defaults().withTopics(naming);
            IngestionService service = new IngestionService(
                    settings,
                    schema.parser(),
                    schema.validator(),
                    schema.serializer(),
                    adapter.eventPublisher(),
                    adapter.deadLetterPort(),
                    IdGenerator.randomUuids(),
                    Clock.systemUTC());
            StagedIngestUseCase timed = new StagedIngestUseCase() {
                @Override
                public PreparedEvent prepare(IngestCommand command) {
                    return service.prepare(command);
                }

                @Override
                public CompletableFuture<IngestionResult> dispatch(PreparedEvent event) {
                    long sent = System.nanoTime();
                    return service.dispatch(event).whenComplete((r, e) -> latencies.record(System.nanoTime() - sent));
                }

                @Override
                public void dispatch(PreparedEvent event, Consumer<IngestionResult> onOutcome) {
                    long sent = System.nanoTime();
                    service.dispatch(event, result -> {
                        latencies.record(System.nanoTime() - sent);
                        onOutcome.accept(result);
                    });
                }
            };
            StreamIngestionService stream =
                    new StreamIngestionService(timed, settings.maxInFlight(), prepareThreads, adapter::flush);
            RunCpu cpu = RunCpu.inThisJvm(cluster);
            started = System.nanoTime();
            summary = stream.ingestAll(commands(workload, events), result -> {});
            finished = System.nanoTime();
            cpuUsed = cpu.stop();
            batching = RunResult.batchingOf(adapter.producerMetrics());
        }
        return RunResult.inJvm(
                label,
                pair,
                events,
                summary.published(),
                finished - started,
                (long) events * workload.payloadBytes(),
                latencies,
                batching,
                cpuUsed,
                cluster.recordCount(naming.raw(Workload.DATASET)));
    }

    /** The commands, made one at a time as a file reader would make them. */
    private static Iterator<IngestCommand> commands(Workload workload, int events) {
        return new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return n < events;
            }

            @Override
            public IngestCommand next() {
                if (n >= events) {
                    throw new NoSuchElementException();
                }
                return IngestCommand.keyedBy(Workload.DATASET, Workload.KEY_FIELD, workload.payload(n++));
            }
        };
    }
}
