package io.streamlake.bench.jmh;

import io.streamlake.bench.Workload;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.PreparedEvent;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.testing.InMemoryDeadLetterPort;
import io.streamlake.core.testing.InMemoryEventPublisher;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core's prepare stage for one keyed 200-byte {@code orders} event, as a stream runs it before handing the event
 * to the transport: the command, metadata (a fresh id and the time), strict parse, the key field, validation and
 * JSON encoding, and the prepared record. No transport: this is StreamLake's own work on the publishing thread
 * before {@code KafkaProducer.send}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
public class PrepareBenchmarks {

    private byte[] json;
    private IngestionService service;

    @Setup
    public void setUp() {
        json = new Workload(1, 200).payload(0);
        TopicNaming naming = new TopicNaming("jmh");
        SchemaModule schema =
                SchemaModuleFactory.create(new SchemaConfig(Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json")), naming);
        service = new IngestionService(
                IngestionSettings.defaults().withTopics(naming),
                schema.parser(),
                schema.validator(),
                schema.serializer(),
                new InMemoryEventPublisher(),
                new InMemoryDeadLetterPort(),
                IdGenerator.randomUuids(),
                Clock.systemUTC());
        if (!service.prepare(command()).toString().contains("ToRaw")) {
            throw new IllegalStateException("the event is not prepared for RAW: " + service.prepare(command()));
        }
    }

    private IngestCommand command() {
        return IngestCommand.keyedBy(Workload.DATASET, Workload.KEY_FIELD, json);
    }

    @Benchmark
    public PreparedEvent prepareJson() {
        return service.prepare(command());
    }
}
