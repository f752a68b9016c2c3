package io.streamlake.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.InvalidRulesException;
import io.streamlake.schema.catalog.SchemaCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad rules file fails the start, naming the file, the rule and the position. */
class InvalidRulesTest {

    @TempDir
    Path dir;

    private static String rule(String members) {
        return "{\"domainRules\": [\n  {\"name\": \"ok\", \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"true\"},\n"
                + "  {\"name\": \"bad\", " + members + "}\n]}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "undefined field   | \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"message.amout > 0.0\"      | expr column 8: undefined field 'amout'",
                "syntax error      | \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"message.amount >\"         | expr column 17",
                "not a boolean     | \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"message.amount\"           | expected type 'bool'",
                "guard column      | \"kind\": \"TRANSFORM\", \"type\": \"CEL_FIELD\", \"expr\": \"true ; message.nope\" | expr column 15: undefined field 'nope'",
                "mode READ         | \"kind\": \"CONDITION\", \"type\": \"CEL\", \"mode\": \"READ\", \"expr\": \"true\"   | mode 'READ' is not supported",
                "unknown kind      | \"kind\": \"VALIDATE\", \"type\": \"CEL\", \"expr\": \"true\"                        | kind 'VALIDATE' is unknown",
                "unknown type      | \"kind\": \"CONDITION\", \"type\": \"JSONATA\", \"expr\": \"true\"                  | type 'JSONATA' is not supported",
                "transform type    | \"kind\": \"TRANSFORM\", \"type\": \"CEL\", \"expr\": \"true\"                       | type 'CEL' is not supported for a TRANSFORM",
                "onFailure         | \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"true\", \"onFailure\": \"RETRY\" | onFailure 'RETRY'",
                "misspelt member   | \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"true\", \"onFaillure\": \"NONE\" | unknown member(s) [onFaillure]",
                "tag on no field   | \"kind\": \"TRANSFORM\", \"type\": \"CEL_FIELD\", \"tags\": [\"SECRET\"], \"expr\": \"'x'\" | no field of shop v1 has the tag(s) [SECRET]",
                "dlq topic         | \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"true\", \"params\": {\"dlq.topic\": \"x\"} | params.dlq.topic",
                "no expr           | \"kind\": \"CONDITION\", \"type\": \"CEL\"                                         | has no expr",
            })
    void givenABadRule_thenTheStartFailsNamingTheFileTheRuleAndThePosition(
            String what, String members, String expected) {
        SchemaCatalog catalog = Catalogs.catalog(dir, rule(members.strip()));

        assertThatThrownBy(() -> ContractRules.compile(catalog))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("v1.rules.json: rule 'bad' (line 3, column 3)")
                .hasMessageContaining(expected.strip());
    }

    @Test
    void givenTwoRulesOfOneName_thenTheSecondIsRefused() {
        String rules =
                "{\"domainRules\": [{\"name\": \"a\", \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"true\"},"
                        + " {\"name\": \"a\", \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"true\"}]}";

        assertThatThrownBy(() -> ContractRules.compile(Catalogs.catalog(dir, rules)))
                .hasMessageContaining("rule 'a' (line 1, column 85): the name is used by an earlier rule");
    }

    @Test
    void givenMigrationRules_thenTheyAreRefusedByName() {
        String rules = "{\"domainRules\": [], \"migrationRules\": [{\"name\": \"up\", \"kind\": \"TRANSFORM\","
                + " \"type\": \"JSONATA\", \"mode\": \"UPGRADE\", \"expr\": \"$\"}]}";

        assertThatThrownBy(() -> ContractRules.compile(Catalogs.catalog(dir, rules)))
                .hasMessageContaining("migrationRules rule 'up'")
                .hasMessageContaining("not supported");
    }

    @Test
    void givenAFileThatIsNotJson_thenTheCatalogFailsNamingThePosition() {
        assertThatThrownBy(() -> Catalogs.catalog(dir, "{\"domainRules\": [\n  {\"name\": \"x\",}\n]}"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("v1.rules.json is not valid JSON at line 2");
    }

    @Test
    void givenARulesFileWithoutItsSchema_thenTheCatalogFails() throws Exception {
        Catalogs.write(dir, Catalogs.SHOP_V1, null);
        java.nio.file.Files.writeString(dir.resolve("shop/v2.rules.json"), "{\"domainRules\": []}");

        assertThatThrownBy(() -> io.streamlake.schema.catalog.SchemaCatalogs.create(Optional.of(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("v2.rules.json has no schema v2.avsc beside it");
    }

    @Test
    void givenABadRule_thenCheckListsEveryRuleWithWhetherItCompiles() {
        SchemaCatalog catalog = Catalogs.catalog(
                dir, rule("\"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"message.amout > 0.0\""));

        List<RuleCheck> checks =
                ContractRules.check(catalog.require(ContractRulesTest.SHOP, Optional.of(ContractRulesTest.V1)));

        assertThat(checks)
                .extracting(RuleCheck::rule, RuleCheck::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rule 'ok'", RuleCheck.Status.COMPILED),
                        org.assertj.core.groups.Tuple.tuple("rule 'bad'", RuleCheck.Status.INVALID));
    }
}
