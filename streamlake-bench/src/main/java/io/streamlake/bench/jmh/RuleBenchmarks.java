package io.streamlake.bench.jmh;

import io.streamlake.bench.Workload;
import io.streamlake.contracts.ContractRules;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.PreparedEvent;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.port.out.PayloadRules;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.testing.InMemoryDeadLetterPort;
import io.streamlake.core.testing.InMemoryEventPublisher;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.config.SchemaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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
 * What data-contract rules add per event, on the 200-byte {@code orders} event of {@link PrepareBenchmarks}: one
 * compiled condition ({@code message.amount > 0.0}) and one field transform (the PII-tagged {@code currency} replaced),
 * each alone ({@code condition}, {@code transform}: {@link ContractRules#apply} on a parsed payload) and inside the
 * whole prepare stage ({@code prepare*}: parse, key, validate, rules, encode), so that the difference to
 * {@code prepareNoRules} is the rule's cost. The catalog is the built-in {@code orders} with a {@code v2} whose
 * {@code currency} carries {@code "tags": ["PII"]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
public class RuleBenchmarks {

    private static final String ORDERS_V2_TAGGED = """
            {"type": "record", "name": "Order", "namespace": "io.streamlake.datasets.orders", "fields": [
              {"name": "order_id", "type": "string"},
              {"name": "amount", "type": "double"},
              {"name": "currency", "type": ["null", "string"], "default": null, "tags": ["PII"]}]}
            """;
    private static final String CONDITION = """
            {"domainRules": [{"name": "positive-amount", "kind": "CONDITION", "type": "CEL", "mode": "WRITE",
              "expr": "message.amount > 0.0"}]}
            """;
    private static final String TRANSFORM = """
            {"domainRules": [{"name": "mask-pii", "kind": "TRANSFORM", "type": "CEL_FIELD", "mode": "WRITE",
              "tags": ["PII"], "expr": "typeName == 'STRING' ; '***'"}]}
            """;

    private byte[] json;
    private Payload parsed;
    private ContractRules condition;
    private ContractRules transform;
    private IngestionService noRules;
    private IngestionService withCondition;
    private IngestionService withTransform;

    @Setup
    public void setUp() throws IOException {
        json = new Workload(1, 200).payload(0);
        TopicNaming naming = new TopicNaming("jmh");
        SchemaModule schema =
                SchemaModuleFactory.create(new SchemaConfig(Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json")), naming);
        parsed = ((ParseOutcome.Parsed) schema.parser().parse(json)).payload();
        condition = ContractRules.compile(catalog(CONDITION));
        transform = ContractRules.compile(catalog(TRANSFORM));
        noRules = service(schema, naming, PayloadRules.none());
        withCondition = service(schema, naming, condition);
        withTransform = service(schema, naming, transform);
        check(condition.apply(Workload.DATASET, SchemaVersion.of(2), parsed), false);
        check(transform.apply(Workload.DATASET, SchemaVersion.of(2), parsed), true);
        for (IngestionService s : new IngestionService[] {noRules, withCondition, withTransform}) {
            if (!s.prepare(command()).toString().contains("ToRaw")) {
                throw new IllegalStateException("the event is not prepared for RAW: " + s.prepare(command()));
            }
        }
    }

    private static void check(RuleOutcome outcome, boolean transformed) {
        if (!(outcome instanceof RuleOutcome.Passed passed) || passed.effects().isEmpty() == transformed) {
            throw new IllegalStateException("the rule does not do what the benchmark measures: " + outcome);
        }
    }

    private static SchemaCatalog catalog(String rules) {
        try {
            Path dir = Files.createTempDirectory("rule-bench");
            Path orders = Files.createDirectories(dir.resolve("orders"));
            Files.writeString(orders.resolve("v2.avsc"), ORDERS_V2_TAGGED);
            Files.writeString(orders.resolve("v2.rules.json"), rules);
            return SchemaCatalogs.create(Optional.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IngestionService service(SchemaModule schema, TopicNaming naming, PayloadRules rules) {
        return new IngestionService(
                IngestionSettings.defaults().withTopics(naming),
                schema.parser(),
                schema.validator(),
                rules,
                schema.serializer(),
                new InMemoryEventPublisher(),
                new InMemoryDeadLetterPort(),
                IdGenerator.randomUuids(),
                Clock.systemUTC(),
                io.streamlake.core.port.out.IngestionMetrics.none());
    }

    private IngestCommand command() {
        return IngestCommand.keyedBy(Workload.DATASET, Workload.KEY_FIELD, json);
    }

    @Benchmark
    public RuleOutcome condition() {
        return condition.apply(Workload.DATASET, SchemaVersion.of(2), parsed);
    }

    @Benchmark
    public RuleOutcome transform() {
        return transform.apply(Workload.DATASET, SchemaVersion.of(2), parsed);
    }

    @Benchmark
    public PreparedEvent prepareNoRules() {
        return noRules.prepare(command());
    }

    @Benchmark
    public PreparedEvent prepareWithCondition() {
        return withCondition.prepare(command());
    }

    @Benchmark
    public PreparedEvent prepareWithTransform() {
        return withTransform.prepare(command());
    }
}
