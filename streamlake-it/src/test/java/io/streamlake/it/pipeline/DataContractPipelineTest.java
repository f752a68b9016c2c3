package io.streamlake.it.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.ReplayOutcome;
import io.streamlake.core.port.in.ReplayCommand;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.runtime.StreamLake;
import io.streamlake.runtime.StreamLakeBuilder;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data-contract rules from catalog files on the real broker (and registry), in JSON and in Avro: each kind of rule
 * failure lands in the DLQ with its rule's name, a masked field never reaches RAW (read back and decoded), and a
 * DLQ replay runs the rules too.
 */
@StreamLakeIntegrationTest
class DataContractPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DatasetName SALES = DatasetName.of("sales");

    private static final String SCHEMA = """
            {"type": "record", "name": "Sale", "namespace": "it.contracts", "fields": [
              {"name": "sale_id", "type": "string"},
              {"name": "amount", "type": "double"},
              {"name": "quantity", "type": "int", "default": 1},
              {"name": "note", "type": ["null", "string"], "default": null},
              {"name": "email", "type": "string", "confluent:tags": ["PII"]},
              {"name": "buyer", "type": {"type": "record", "name": "Buyer", "fields": [
                {"name": "name", "type": "string", "tags": ["PII"]},
                {"name": "city", "type": "string"}]}}]}
            """;

    /** Order matters: the mask runs first, so neither RAW nor the DLQ holds the original values. */
    private static final String RULES = """
            {"domainRules": [
              {"name": "mask-pii", "kind": "TRANSFORM", "type": "CEL_FIELD", "mode": "WRITE", "tags": ["PII"],
               "expr": "typeName == 'STRING' ; '***'"},
              {"name": "quantity-cap", "kind": "TRANSFORM", "type": "CEL_FIELD", "mode": "WRITE",
               "expr": "name == 'quantity' && value > 1000 ; 'too many'"},
              {"name": "positive-amount", "kind": "CONDITION", "type": "CEL", "mode": "WRITE",
               "expr": "message.amount > 0.0", "onFailure": "DLQ"},
              {"name": "short-note", "kind": "CONDITION", "type": "CEL", "mode": "WRITE",
               "expr": "message.note.size() < 20", "onFailure": "ERROR"},
              {"name": "big-sale", "kind": "CONDITION", "type": "CEL", "mode": "WRITE",
               "expr": "message.amount < double(params.max)", "params": {"max": "1000"}, "onFailure": "NONE"}]}
            """;

    @TempDir
    Path catalog;

    private final KafkaEndpoint kafka;
    private final RegistryEndpoint registry;

    DataContractPipelineTest(KafkaEndpoint kafka, RegistryEndpoint registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    private StreamLake lake(String serialization, String prefix, String rules) throws IOException {
        Path sales = Files.createDirectories(catalog.resolve("sales"));
        Files.writeString(sales.resolve("v1.avsc"), SCHEMA);
        Files.writeString(sales.resolve("v1.rules.json"), rules);
        StreamLakeBuilder builder = StreamLake.builder()
                .set("bootstrap.servers", kafka.bootstrapServers())
                .set("schema.registry.url", registry.url())
                .set("serialization", serialization)
                .set("schema.catalog.dir", catalog.toString())
                .set("topic.prefix", prefix);
        return builder.build();
    }

    private static String sale(String id, double amount, int quantity, String note) {
        return "{\"sale_id\": \"" + id + "\", \"amount\": " + amount + ", \"quantity\": " + quantity + ", \"note\": "
                + (note == null ? "null" : "\"" + note + "\"") + ", \"email\": \"" + id
                + "@secret.example\", \"buyer\": {\"name\": \"Name-" + id + "\", \"city\": \"Lyon\"}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "avro"})
    void givenRulesInTheCatalog_thenFailuresAreDeadLetteredByRuleAndMaskedFieldsNeverReachRaw(String serialization)
            throws Exception {
        String prefix = kafka.uniqueName("contract-" + serialization);
        Map<String, IngestionResult> results = new HashMap<>();
        try (StreamLake lake = lake(serialization, prefix, RULES)) {
            lake.injector().getInstance(TopicProvisioner.class).ensureTopics(SALES);
            results.put("ok", lake.produce("ok", sale("ok", 10, 2, "hi"), "sales", null));
            results.put("big", lake.produce("big", sale("big", 5000, 1, "fine"), "sales", null));
            results.put("negative", lake.produce("negative", sale("negative", -1, 1, "n"), "sales", null));
            results.put(
                    "long-note",
                    lake.produce("long-note", sale("long-note", 3, 1, "a note far longer than twenty"), "sales", null));
            results.put("no-note", lake.produce("no-note", sale("no-note", 3, 1, null), "sales", null));
            results.put("crowd", lake.produce("crowd", sale("crowd", 3, 5000, "x"), "sales", null));

            assertThat(results.get("ok")).isInstanceOf(IngestionResult.Published.class);
            assertThat(results.get("big")).as("onFailure NONE publishes").isInstanceOf(IngestionResult.Published.class);
            assertDeadLettered(results.get("negative"), "positive-amount", "RuleViolation");
            assertDeadLettered(results.get("long-note"), "short-note", "RuleViolation");
            assertDeadLettered(results.get("no-note"), "short-note", "RuleError");
            assertDeadLettered(results.get("crowd"), "quantity-cap", "RuleError");

            List<ConsumerRecord<byte[], byte[]>> raw =
                    kafka.consumeAll(prefix + ".sales.raw", 2, Duration.ofSeconds(20));
            assertThat(raw).hasSize(2);
            AvroWireDecoder decoder = lake.injector().getInstance(AvroWireDecoder.class);
            for (ConsumerRecord<byte[], byte[]> record : raw) {
                String key = new String(record.key(), UTF_8);
                assertThat(new String(record.value(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("the RAW bytes of " + key)
                        .doesNotContain("@secret.example")
                        .doesNotContain("Name-");
                JsonNode value = serialization.equals("avro")
                        ? JSON.readTree(decoder.decode(record.value()).toJson())
                        : JSON.readTree(record.value());
                assertThat(value.get("email").asText()).isEqualTo("***");
                assertThat(value.get("buyer").get("name").asText()).isEqualTo("***");
                assertThat(value.get("buyer").get("city").asText()).isEqualTo("Lyon");
                assertThat(value.get("sale_id").asText()).isEqualTo(key);
            }

            List<ConsumerRecord<byte[], byte[]>> dlq =
                    kafka.consumeAll(prefix + ".sales.dlq", 4, Duration.ofSeconds(20));
            assertThat(dlq).hasSize(4);
            Map<String, String> ruleByKey = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : dlq) {
                ruleByKey.put(new String(record.key(), UTF_8), header(record, "dlq_rule"));
                assertThat(header(record, "dlq_stage")).isEqualTo("rule");
                assertThat(header(record, "dlq_reason")).contains(header(record, "dlq_rule"));
                assertThat(new String(record.value(), UTF_8))
                        .as("the mask ran before the failing rule")
                        .doesNotContain("@secret.example");
            }
            assertThat(ruleByKey)
                    .containsEntry("negative", "positive-amount")
                    .containsEntry("long-note", "short-note")
                    .containsEntry("no-note", "short-note")
                    .containsEntry("crowd", "quantity-cap");
        }

        // a DLQ replay publishes through the same rules: with the amount rule gone, the negative sale is published,
        // masked; the others fail their rules again and are dead-lettered again
        String relaxed = RULES.replace("\"expr\": \"message.amount > 0.0\"", "\"expr\": \"true\"");
        List<ReplayOutcome> replayed = new ArrayList<>();
        try (StreamLake lake = lake(serialization, prefix, relaxed)) {
            lake.replay().replay(ReplayCommand.of(SALES), replayed::add);
        }
        assertThat(replayed).hasSize(4);
        List<ConsumerRecord<byte[], byte[]>> raw = kafka.consumeAll(prefix + ".sales.raw", 3, Duration.ofSeconds(20));
        assertThat(raw).hasSize(3);
        assertThat(raw).extracting(r -> new String(r.key(), UTF_8)).contains("negative");
        assertThat(raw)
                .allSatisfy(r -> assertThat(new String(r.value(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("@secret.example"));
    }

    private static void assertDeadLettered(IngestionResult result, String rule, String errorClass) {
        assertThat(result).isInstanceOfSatisfying(IngestionResult.DeadLettered.class, d -> {
            assertThat(d.stage()).isEqualTo(DlqStage.RULE);
            assertThat(d.rule()).isEqualTo(rule);
            assertThat(d.errorClass()).isEqualTo(errorClass);
        });
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), UTF_8);
    }
}
