package io.streamlake.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.RuleOutcome.RuleEffect;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.schema.codec.json.JsonPayloadParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractRulesTest {

    static final DatasetName SHOP = DatasetName.of("shop");
    static final SchemaVersion V1 = SchemaVersion.of(1);

    @TempDir
    Path dir;

    private RuleOutcome apply(String rules, String json) {
        ContractRules compiled = ContractRules.compile(Catalogs.catalog(dir, rules));
        return compiled.apply(SHOP, V1, payload(json));
    }

    static Payload payload(String json) {
        return ((ParseOutcome.Parsed) new JsonPayloadParser().parse(json.getBytes(StandardCharsets.UTF_8))).payload();
    }

    static String text(Payload payload) {
        return new String(payload.raw(), StandardCharsets.UTF_8);
    }

    private static final String POSITIVE = """
            {"domainRules": [{"name": "positive-amount", "kind": "CONDITION", "type": "CEL", "mode": "WRITE",
              "expr": "message.amount > 0.0", "onFailure": "DLQ"}]}
            """;

    @Test
    void givenATrueCondition_thenThePayloadPassesUnchanged() {
        Payload payload = payload("{\"sale_id\": \"s1\", \"amount\": 12, \"email\": \"a@b.c\"}");
        RuleOutcome outcome =
                ContractRules.compile(Catalogs.catalog(dir, POSITIVE)).apply(SHOP, V1, payload);

        assertThat(outcome).isInstanceOfSatisfying(RuleOutcome.Passed.class, p -> {
            assertThat(p.payload()).isSameAs(payload);
            assertThat(p.effects()).isEmpty();
        });
    }

    @Test
    void givenAFalseCondition_thenItIsBrokenNamingTheRuleAndItsExpression() {
        RuleOutcome outcome = apply(POSITIVE, "{\"sale_id\": \"s1\", \"amount\": -3.5, \"email\": \"a@b.c\"}");

        assertThat(outcome).isInstanceOfSatisfying(RuleOutcome.Broken.class, b -> {
            assertThat(b.rule()).isEqualTo("positive-amount");
            assertThat(b.errorClass()).isEqualTo("RuleViolation");
            assertThat(b.reason()).contains("positive-amount").contains("message.amount > 0.0");
        });
    }

    @Test
    void givenAConditionOnANestedNullableRecord_thenANullIsAnEvaluationError() {
        String rules = """
                {"domainRules": [{"name": "known-city", "kind": "CONDITION", "type": "CEL",
                  "expr": "message.buyer.city.size() > 0"}]}
                """;
        assertThat(apply(
                        rules,
                        "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"e\","
                                + " \"buyer\": {\"name\": \"N\", \"city\": \"Lyon\"}}"))
                .isInstanceOf(RuleOutcome.Passed.class);
        assertThat(apply(rules, "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"e\"}"))
                .isInstanceOfSatisfying(RuleOutcome.Broken.class, b -> {
                    assertThat(b.rule()).isEqualTo("known-city");
                    assertThat(b.errorClass()).isEqualTo("RuleError");
                    assertThat(b.reason()).contains("could not be evaluated");
                });
    }

    @Test
    void givenOnFailureNone_thenTheViolationIsToleratedAndReported() {
        String rules = """
                {"domainRules": [{"name": "known-currency", "kind": "CONDITION", "type": "CEL",
                  "expr": "message.currency == null || message.currency in ['EUR', 'USD']", "onFailure": "NONE"}]}
                """;
        RuleOutcome outcome =
                apply(rules, "{\"sale_id\": \"s1\", \"amount\": 1, \"currency\": \"XXX\", \"email\": \"e\"}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RuleOutcome.Passed.class,
                        p -> assertThat(p.effects())
                                .containsExactly(new RuleEffect("known-currency", RuleEffect.Kind.TOLERATED)));
    }

    @Test
    void givenOnFailureError_thenItIsTakenAsDlq() {
        String rules = POSITIVE.replace("\"DLQ\"", "\"ERROR\"");

        assertThat(apply(rules, "{\"sale_id\": \"s1\", \"amount\": 0, \"email\": \"e\"}"))
                .isInstanceOf(RuleOutcome.Broken.class);
    }

    @Test
    void givenADisabledRule_thenItDoesNotRun() {
        String rules = POSITIVE.replace("\"mode\": \"WRITE\"", "\"mode\": \"WRITE\", \"disabled\": true");

        assertThat(apply(rules, "{\"sale_id\": \"s1\", \"amount\": -1, \"email\": \"e\"}"))
                .isInstanceOf(RuleOutcome.Passed.class);
    }

    @Test
    void givenParams_thenTheExpressionReadsThem() {
        String rules = """
                {"domainRules": [{"name": "max-amount", "kind": "CONDITION", "type": "CEL",
                  "expr": "message.amount <= double(params.max) && message.quantity >= 1",
                  "params": {"max": "100"}}]}
                """;

        assertThat(apply(rules, "{\"sale_id\": \"s1\", \"amount\": 99.5, \"email\": \"e\"}"))
                .isInstanceOf(RuleOutcome.Passed.class);
        assertThat(apply(rules, "{\"sale_id\": \"s1\", \"amount\": 100.5, \"email\": \"e\"}"))
                .isInstanceOf(RuleOutcome.Broken.class);
    }

    private static final String MASK = """
            {"domainRules": [{"name": "mask-pii", "kind": "TRANSFORM", "type": "CEL_FIELD", "mode": "WRITE",
              "tags": ["PII"], "expr": "typeName == 'STRING' ; '***'"}]}
            """;

    @Test
    void givenATransformOfTaggedFields_thenEveryTaggedStringIsReplacedAtAnyDepth() {
        RuleOutcome outcome = apply(
                MASK,
                "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"ann@example.com\","
                        + " \"buyer\": {\"name\": \"Ann Lee\", \"city\": \"Lyon\"}}");

        assertThat(outcome).isInstanceOfSatisfying(RuleOutcome.Passed.class, p -> {
            assertThat(text(p.payload()))
                    .doesNotContain("ann@example.com")
                    .doesNotContain("Ann Lee")
                    .contains("\"email\":\"***\"")
                    .contains("\"name\":\"***\"")
                    .contains("\"city\":\"Lyon\"")
                    .contains("\"sale_id\":\"s1\"");
            assertThat(p.effects()).containsExactly(new RuleEffect("mask-pii", RuleEffect.Kind.TRANSFORMED));
        });
    }

    @Test
    void givenATransformWhoseValueDoesNotFitItsField_thenItIsBrokenNamingTheField() {
        String rules = """
                {"domainRules": [{"name": "bad-mask", "kind": "TRANSFORM", "type": "CEL_FIELD",
                  "expr": "name == 'amount' ; 'none'"}]}
                """;
        RuleOutcome outcome = apply(rules, "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"e\"}");

        assertThat(outcome).isInstanceOfSatisfying(RuleOutcome.Broken.class, b -> {
            assertThat(b.rule()).isEqualTo("bad-mask");
            assertThat(b.reason()).contains("$.amount").contains("DOUBLE");
        });
    }

    @Test
    void givenATransformBeforeAFailingCondition_thenTheBrokenPayloadIsTheTransformedOne() {
        String rules = """
                {"domainRules": [
                  {"name": "mask-pii", "kind": "TRANSFORM", "type": "CEL_FIELD", "tags": ["PII"], "expr": "'***'"},
                  {"name": "positive-amount", "kind": "CONDITION", "type": "CEL", "expr": "message.amount > 0.0"}]}
                """;
        RuleOutcome outcome = apply(rules, "{\"sale_id\": \"s1\", \"amount\": -1, \"email\": \"ann@example.com\"}");

        assertThat(outcome).isInstanceOfSatisfying(RuleOutcome.Broken.class, b -> {
            assertThat(b.rule()).isEqualTo("positive-amount");
            assertThat(text(b.payload())).doesNotContain("ann@example.com");
        });
    }

    @Test
    void givenAConditionThatReadsATransformedField_thenItSeesTheNewValue() {
        String rules = """
                {"domainRules": [
                  {"name": "lower-email", "kind": "TRANSFORM", "type": "CEL_FIELD", "expr": "name == 'email' ; value.lowerAscii()"},
                  {"name": "email-lower", "kind": "CONDITION", "type": "CEL", "expr": "message.email == 'ann@x.org'"}]}
                """;

        assertThat(apply(rules, "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"ANN@X.ORG\"}"))
                .isInstanceOf(RuleOutcome.Passed.class);
    }

    @Test
    void givenAVersionWithoutRules_thenNothingRuns() {
        ContractRules compiled = ContractRules.compile(Catalogs.catalog(dir, null));

        assertThat(compiled.isEmpty()).isTrue();
        assertThat(compiled.apply(SHOP, V1, payload("{\"amount\": -1}"))).isInstanceOf(RuleOutcome.Passed.class);
    }

    @Test
    void givenTheDocumentedExamples_thenTheyCompileAndDoWhatTheDocsSay() {
        String rules = """
                {"domainRules": [
                  {"name": "email-domain", "kind": "TRANSFORM", "type": "CEL_FIELD",
                   "expr": "name == 'email' ; value.substring(0, value.indexOf('@')) + '@***'"},
                  {"name": "known-currency", "kind": "CONDITION", "type": "CEL",
                   "expr": "message.currency == null || message.currency in params.codes.split(',')",
                   "params": {"codes": "EUR,USD"}},
                  {"name": "id-form", "kind": "CONDITION", "type": "CEL", "expr": "message.sale_id.matches('^s[0-9]+$')"},
                  {"name": "buyer-city", "kind": "CONDITION", "type": "CEL",
                   "expr": "message.buyer == null || message.buyer.city.size() > 0"}]}
                """;

        RuleOutcome withoutBuyer =
                apply(rules, "{\"sale_id\": \"s1\", \"amount\": 1, \"currency\": \"EUR\", \"email\": \"ann@x.org\"}");
        RuleOutcome badCurrency =
                apply(rules, "{\"sale_id\": \"s1\", \"amount\": 1, \"currency\": \"XXX\", \"email\": \"ann@x.org\"}");

        assertThat(withoutBuyer)
                .isInstanceOfSatisfying(
                        RuleOutcome.Passed.class,
                        p -> assertThat(text(p.payload())).contains("\"email\":\"ann@***\""));
        assertThat(apply(
                        rules,
                        "{\"sale_id\": \"s1\", \"amount\": 1, \"email\": \"a@b\","
                                + " \"buyer\": {\"name\": \"N\", \"city\": \"Lyon\"}}"))
                .as("no currency, a buyer")
                .isInstanceOf(RuleOutcome.Passed.class);
        assertThat(badCurrency)
                .isInstanceOfSatisfying(
                        RuleOutcome.Broken.class, b -> assertThat(b.rule()).isEqualTo("known-currency"));
    }

    @Test
    void givenAPayloadThatDoesNotMatchItsSchema_thenRulesFailAsDataNeverAsThePlatform() {
        String rules = """
                {"domainRules": [
                  {"name": "double-quantity", "kind": "TRANSFORM", "type": "CEL_FIELD", "expr": "name == 'quantity' ; value * 2"},
                  {"name": "positive-amount", "kind": "CONDITION", "type": "CEL", "expr": "message.amount > 0.0"}]}
                """;
        ContractRules compiled = ContractRules.compile(Catalogs.catalog(dir, rules));

        // as with validation.enabled=false: the rules see what the schema does not describe
        RuleOutcome badTransform = compiled.apply(
                SHOP, V1, payload("{\"sale_id\": \"s1\", \"amount\": 1, \"quantity\": [1], \"email\": \"e\"}"));
        RuleOutcome badCondition = ContractRules.compile(Catalogs.catalog(dir, POSITIVE))
                .apply(SHOP, V1, payload("{\"sale_id\": \"s1\", \"amount\": \"x\", \"email\": \"e\"}"));

        assertThat(badTransform)
                .isInstanceOfSatisfying(
                        RuleOutcome.Broken.class, b -> assertThat(b.rule()).isEqualTo("double-quantity"));
        assertThat(badCondition)
                .isInstanceOfSatisfying(
                        RuleOutcome.Broken.class, b -> assertThat(b.rule()).isEqualTo("positive-amount"));
    }
}
