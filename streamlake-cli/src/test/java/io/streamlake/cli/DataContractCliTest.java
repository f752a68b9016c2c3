package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-contract rules on the command line, without a broker: the dry run shows each rule's effect, the summary counts
 * them, a rule that does not compile stops produce and schema check with exit 2 naming it.
 */
class DataContractCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            {"type": "record", "name": "Sale", "namespace": "test.cli", "fields": [
              {"name": "sale_id", "type": "string"},
              {"name": "amount", "type": "double"},
              {"name": "email", "type": "string", "tags": ["PII"]}]}
            """;
    private static final String RULES = """
            {"domainRules": [
              {"name": "mask-email", "kind": "TRANSFORM", "type": "CEL_FIELD", "mode": "WRITE",
               "tags": ["PII"], "expr": "typeName == 'STRING' ; '***'"},
              {"name": "positive-amount", "kind": "CONDITION", "type": "CEL", "mode": "WRITE",
               "expr": "message.amount > 0.0", "onFailure": "DLQ"},
              {"name": "small-amount", "kind": "CONDITION", "type": "CEL", "expr": "message.amount < 1000.0",
               "onFailure": "NONE"}]}
            """;

    @TempDir
    Path dir;

    private Path catalog;

    @BeforeEach
    void catalog() throws IOException {
        catalog = Files.createDirectories(dir.resolve("catalog"));
        Path sales = Files.createDirectories(catalog.resolve("sales"));
        Files.writeString(sales.resolve("v1.avsc"), SCHEMA);
        Files.writeString(sales.resolve("v1.rules.json"), RULES);
    }

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--set";
        all[args.length + 1] = "schema.catalog.dir=" + catalog;
        return new CliRunner(dir).run(all);
    }

    private static List<JsonNode> records(String out) {
        return out.lines()
                .filter(l -> l.startsWith("{\"topic\""))
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError(l, e);
                    }
                })
                .toList();
    }

    @Test
    void givenRules_thenTheDryRunShowsEachRulesEffectAndTheSummaryCountsThem() throws IOException {
        Path file = dir.resolve("sales.jsonl");
        Files.writeString(file, """
                {"sale_id": "s1", "amount": 10, "email": "ann@example.com"}
                {"sale_id": "s2", "amount": -5, "email": "bob@example.com"}
                {"sale_id": "s3", "amount": 5000, "email": "cy@example.com"}
                {"sale_id": "s4", "amount": 0, "email": "dee@example.com"}
                """);

        CliRunner.Result result = run(
                "produce",
                "--transport",
                "stdout",
                "--dataset",
                "sales",
                "--file",
                file.toString(),
                "--key-field",
                "sale_id");

        assertThat(result.code()).as(result.err()).isZero();
        List<JsonNode> records = records(result.out());
        assertThat(records).hasSize(4);
        assertThat(result.out()).doesNotContain("ann@example.com").doesNotContain("cy@example.com");
        List<JsonNode> raw = records.stream()
                .filter(r -> r.get("topic").asText().endsWith(".raw"))
                .toList();
        assertThat(raw).extracting(r -> r.get("value").get("email").asText()).containsOnly("***");
        List<JsonNode> dead = records.stream()
                .filter(r -> r.get("topic").asText().endsWith(".dlq"))
                .toList();
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("headers").get("dlq_rule").asText()).isEqualTo("positive-amount");
            assertThat(r.get("headers").get("dlq_stage").asText()).isEqualTo("rule");
            assertThat(r.get("headers").get("dlq_reason").asText()).contains("message.amount > 0.0");
        });
        assertThat(result.err())
                .contains("published:     2")
                .contains("dead-lettered: 2")
                .containsPattern("mask-email +4 transformed")
                .containsPattern("positive-amount +2 dead-lettered")
                .containsPattern("small-amount +1 tolerated \\(published\\)");
    }

    @Test
    void givenJsonOutput_thenTheSummaryCountsDeadLettersByRule() {
        CliRunner.Result result = run(
                "produce",
                "--transport",
                "stdout",
                "--dataset",
                "sales",
                "--key",
                "k",
                "--output",
                "json",
                "--payload",
                "{\"sale_id\": \"s2\", \"amount\": -5, \"email\": \"bob@example.com\"}");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err().replace(" ", ""))
                .contains("\"dead_lettered_by_rule\":{\"positive-amount\":1}")
                .contains("\"mask-email\":{\"transformed\":1}");
    }

    @Test
    void givenARuleThatDoesNotCompile_thenProduceExits2NamingTheRule() throws IOException {
        Files.writeString(
                catalog.resolve("sales/v1.rules.json"), RULES.replace("message.amount > 0.0", "message.amont > 0.0"));

        CliRunner.Result result = run(
                "produce",
                "--transport",
                "stdout",
                "--dataset",
                "sales",
                "--key",
                "k",
                "--payload",
                "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"e\"}");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "v1.rules.json: rule 'positive-amount' (line 4, column 3): expr column 8: undefined field 'amont'");
        assertThat(records(result.out())).isEmpty();
    }

    @Test
    void givenSchemaCheck_thenEachRuleIsListedWithWhetherItCompiles() throws IOException {
        Files.writeString(
                catalog.resolve("sales/v1.rules.json"),
                RULES.replace(
                        "\"mode\": \"WRITE\",\n   \"expr\": \"message.amount",
                        "\"mode\": \"READ\",\n   \"expr\": \"message.amount"));

        CliRunner.Result result =
                run("schema", "check", "--dataset", "sales", "--schema-registry-url", "mock://cli-rules");

        assertThat(result.code()).as(result.err() + result.out()).isEqualTo(2);
        assertThat(result.out())
                .contains("sales v1: 3 rule(s)")
                .containsPattern("compiled +rule 'mask-email' +TRANSFORM/CEL_FIELD")
                .containsPattern("invalid +rule 'positive-amount'.*mode 'READ' is not supported")
                .containsPattern("compiled +rule 'small-amount'");
    }

    @Test
    void givenRulesRegister_thenSchemaRegisterSendsTheRuleSetAndSaysTheRegistryKeptIt() {
        CliRunner.Result result = run(
                "schema",
                "register",
                "--dataset",
                "sales",
                "--schema-registry-url",
                "mock://cli-register",
                "--set",
                "schema.registry.rules=register");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("sales v1 -> subject streamlake.sales.raw-value: registered as id")
                .contains("ruleSet kept by the mock registry mock://cli-register");
        assertThat(io.streamlake.schema.registry.memory.MockSchemaRegistry.client("cli-register")
                        .ruleSet("streamlake.sales.raw-value", 1))
                .hasValueSatisfying(r -> assertThat(r).contains("positive-amount"));
    }

    @Test
    void givenRulesCatalog_thenSchemaRegisterSendsTheSchemaOnly() {
        CliRunner.Result result =
                run("schema", "register", "--dataset", "sales", "--schema-registry-url", "mock://cli-register-plain");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("ruleSet");
        assertThat(io.streamlake.schema.registry.memory.MockSchemaRegistry.client("cli-register-plain")
                        .ruleSet("streamlake.sales.raw-value", 1))
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "undefined field | \"expr\": \"message.amont > 0.0\"                   | expr column 8: undefined field 'amont'",
                "syntax error    | \"expr\": \"message.amount >\"                      | expr column 17",
                "mode            | \"expr\": \"true\", \"mode\": \"WRITEREAD\"           | mode 'WRITEREAD' is not supported",
                "kind            | \"expr\": \"true\", \"kind\": \"CHECK\"               | kind 'CHECK' is unknown",
                "type            | \"expr\": \"true\", \"type\": \"JSONATA\"             | type 'JSONATA' is not supported",
                "onFailure       | \"expr\": \"true\", \"onFailure\": \"RETRY\"          | onFailure 'RETRY' is not supported",
            })
    void givenABadRulesFile_thenProduceExits2NamingTheRuleBeforeSendingAnything(
            String what, String members, String expected) throws IOException {
        Files.writeString(
                catalog.resolve("sales/v1.rules.json"),
                "{\"domainRules\": [\n  {\"name\": \"broken\", \"kind\": \"CONDITION\", \"type\": \"CEL\", "
                        + members.strip().replace("\"kind\": \"CONDITION\", ", "") + "}\n]}");
        String file = Files.readString(catalog.resolve("sales/v1.rules.json"));
        if (members.contains("\"kind\"")) {
            file = file.replace("\"kind\": \"CONDITION\", ", "");
        }
        if (members.contains("\"type\"")) {
            file = file.replace("\"type\": \"CEL\", ", "");
        }
        Files.writeString(catalog.resolve("sales/v1.rules.json"), file);

        CliRunner.Result result = run(
                "produce",
                "--transport",
                "stdout",
                "--dataset",
                "sales",
                "--key",
                "k",
                "--payload",
                "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"e\"}");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .contains("v1.rules.json: rule 'broken' (line 2, column 3)")
                .contains(expected.strip());
        assertThat(records(result.out())).isEmpty();
    }
}
