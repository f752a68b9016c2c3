package io.streamlake.schema.registry.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.schema.SchemaRegistryClients;
import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryClientContract;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryClientTest extends SchemaRegistryClientContract {

    private final String scope = "contract-" + UUID.randomUUID();
    private final AtomicInteger subjects = new AtomicInteger();

    @Override
    protected SchemaRegistryClient client() {
        return SchemaRegistryClients.create(RegistrySettings.of("mock://" + scope));
    }

    @Override
    protected String uniqueSubject(String base) {
        return base + "-" + subjects.incrementAndGet();
    }

    @AfterEach
    void reset() {
        MockSchemaRegistry.reset(scope);
    }

    @Test
    void givenTheSameSchemaWithAnotherRuleSet_thenItIsANewVersionHoldingTheNewRuleSet() {
        String subject = uniqueSubject("rules-evolve");
        int first = client().register(subject, V1, RULE_SET);
        int again = client().register(subject, V1, RULE_SET);
        int changed = client().register(subject, V1, RULE_SET.replace("has-id", "has-an-id"));

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
        assertThat(client().versions(subject)).containsExactly(1, 2);
        assertThat(client().ruleSet(subject, 2))
                .hasValueSatisfying(r -> assertThat(r).contains("has-an-id"));
        assertThat(client().ruleSet(subject, 1))
                .hasValueSatisfying(r -> assertThat(r).doesNotContain("has-an-id"));
    }

    @Test
    void givenSameScope_thenClientsShareState_andResetForgetsIt() {
        int id = client().register("shared", V1);
        assertThat(MockSchemaRegistry.client(scope).schemaById(id)).isEqualTo(V1);
        MockSchemaRegistry.reset(scope);
        assertThat(client().subjects()).isEmpty();
    }

    @Test
    void givenMock_thenGlobalLevelIsBackward_andSubjectNoneAcceptsAnything() {
        assertThat(client().globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        client().register("none", V1);
        client().setSubjectCompatibility("none", CompatibilityLevel.NONE);
        assertThat(client().subjectCompatibility("none")).contains(CompatibilityLevel.NONE);
        client().register("none", INCOMPATIBLE);
        assertThat(client().versions("none")).containsExactly(1, 2);
    }

    @Test
    void givenGlobalLevelNone_thenSubjectsWithoutTheirOwnLevelAcceptAnything() {
        client().setGlobalCompatibility(CompatibilityLevel.NONE);
        client().register("g", V1);
        client().register("g", INCOMPATIBLE);
        assertThat(client().globalCompatibility()).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client().versions("g")).containsExactly(1, 2);
    }

    @Test
    void givenForwardLevel_thenRemovingARequiredFieldIsRefused_andAddingOneIsAccepted() {
        client().setSubjectCompatibility("fwd", CompatibilityLevel.FORWARD);
        client().register("fwd", INCOMPATIBLE);
        assertThat(client().checkCompatibility("fwd", V1).compatible()).isFalse();
        assertThat(client().checkCompatibility(
                                "fwd",
                                parse(INCOMPATIBLE
                                        .toString()
                                        .replace("}]}", "},{\"name\":\"extra\",\"type\":\"int\"}]}")))
                        .compatible())
                .isTrue();
    }

    @Test
    void givenFullTransitive_thenEveryEarlierVersionIsChecked() {
        client().setSubjectCompatibility("full", CompatibilityLevel.FULL_TRANSITIVE);
        client().register("full", V1);
        client().register("full", V2);
        assertThat(client().checkCompatibility("full", INCOMPATIBLE).compatible())
                .isFalse();
        assertThat(client().checkCompatibility("full", INCOMPATIBLE).messages())
                .anySatisfy(m ->
                        assertThat(m).contains("READER_FIELD_MISSING_DEFAULT").contains("count"));
    }
}
