package io.streamlake.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.schema.registry.compat.RuleSetRegistration;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SchemaRegistryClient} must show, whichever registry is behind it. Run here
 * against {@code mock://} and in streamlake-it against a real Apicurio Registry (this class ships in the
 * test-jar). Subjects are unique per test, so a shared registry needs no cleanup.
 */
public abstract class SchemaRegistryClientContract {

    public static final Schema V1 = parse("{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"contract\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    public static final Schema V2 = parse("{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"contract\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    /** A new field without a default: not BACKWARD compatible with {@link #V1}. */
    public static final Schema INCOMPATIBLE =
            parse("{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"contract\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"int\"}]}");

    /** The client under test; may be the same instance for every test. */
    protected abstract SchemaRegistryClient client();

    /** A subject name no other test uses. */
    protected abstract String uniqueSubject(String base);

    protected static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    @Test
    void givenNewSchema_whenRegistered_thenItsIdGivesTheSameSchema() {
        String subject = uniqueSubject("register");
        int id = client().register(subject, V1);
        assertThat(client().schemaById(id)).isEqualTo(V1);
    }

    @Test
    void givenRegisteredSchema_whenRegisteredAgain_thenSameIdAndNoNewVersion() {
        String subject = uniqueSubject("idempotent");
        int first = client().register(subject, V1);
        assertThat(client().register(subject, V1)).isEqualTo(first);
        assertThat(client().versions(subject)).containsExactly(1);
    }

    @Test
    void givenRegisteredSchema_whenLookedUp_thenIdAndVersionAreReturned() {
        String subject = uniqueSubject("lookup");
        int id = client().register(subject, V1);
        Optional<RegisteredSchema> found = client().lookup(subject, V1);
        assertThat(found).isPresent();
        assertThat(found.get().id()).isEqualTo(id);
        assertThat(found.get().version()).isEqualTo(1);
        assertThat(found.get().subject()).isEqualTo(subject);
    }

    @Test
    void givenSchemaNotRegisteredUnderSubject_whenLookedUp_thenEmpty() {
        String subject = uniqueSubject("lookup-miss");
        client().register(subject, V1);
        assertThat(client().lookup(subject, V2)).isEmpty();
        assertThat(client().lookup(uniqueSubject("no-such-subject"), V1)).isEmpty();
    }

    @Test
    void givenTwoVersions_thenLatestIsTheSecond_andIdsAreNotVersions() {
        String subject = uniqueSubject("evolve");
        int id1 = client().register(subject, V1);
        int id2 = client().register(subject, V2);
        assertThat(id2).isNotEqualTo(id1);
        RegisteredSchema latest = client().latest(subject).orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(id2);
        assertThat(latest.schema()).isEqualTo(V2);
        assertThat(client().versions(subject)).containsExactly(1, 2);
        assertThat(client().lookup(subject, V1).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void givenUnknownSubject_thenLatestAndVersionsAreEmpty() {
        String subject = uniqueSubject("unknown");
        assertThat(client().latest(subject)).isEmpty();
        assertThat(client().versions(subject)).isEmpty();
    }

    @Test
    void givenUnknownId_thenSchemaByIdFailsWith404() {
        assertThatThrownBy(() -> client().schemaById(Integer.MAX_VALUE - 7))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains(client().url());
                });
    }

    @Test
    void givenRegisteredSubject_thenSubjectsListIt() {
        String subject = uniqueSubject("listed");
        client().register(subject, V1);
        assertThat(client().subjects()).contains(subject);
    }

    @Test
    void givenSubjectWithoutVersions_thenAnySchemaIsCompatible() {
        assertThat(client().checkCompatibility(uniqueSubject("empty"), INCOMPATIBLE)
                        .compatible())
                .isTrue();
    }

    @Test
    void givenBackwardSubject_thenOptionalFieldIsCompatible_andRequiredFieldIsNot() {
        String subject = uniqueSubject("compat");
        client().setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);
        client().register(subject, V1);
        assertThat(client().checkCompatibility(subject, V2).compatible()).isTrue();
        CompatibilityResult incompatible = client().checkCompatibility(subject, INCOMPATIBLE);
        assertThat(incompatible.compatible()).isFalse();
    }

    @Test
    void givenBackwardSubject_whenIncompatibleSchemaRegistered_thenRefusedWith409() {
        String subject = uniqueSubject("refused");
        client().setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);
        client().register(subject, V1);
        assertThatThrownBy(() -> client().register(subject, INCOMPATIBLE))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(409));
        assertThat(client().versions(subject)).containsExactly(1);
    }

    @Test
    void givenSubjectCompatibilityForward_thenItIsReported_andOverridesTheGlobalLevel() {
        String subject = uniqueSubject("forward");
        client().register(subject, V1);
        client().setSubjectCompatibility(subject, CompatibilityLevel.FORWARD);
        assertThat(client().subjectCompatibility(subject)).contains(CompatibilityLevel.FORWARD);
        // a new required field: FORWARD compatible (V1 reads it, ignoring the field), not BACKWARD compatible
        assertThat(client().checkCompatibility(subject, INCOMPATIBLE).compatible())
                .isTrue();
        client().register(subject, INCOMPATIBLE);
        assertThat(client().versions(subject)).containsExactly(1, 2);
    }

    @Test
    void givenRegistry_thenGlobalCompatibilityIsReadable() {
        assertThat(client().globalCompatibility()).isNotNull();
    }

    /** A data-contract rule set, as a rules file holds it. */
    public static final String RULE_SET = "{\"domainRules\":[{\"name\":\"has-id\",\"kind\":\"CONDITION\","
            + "\"type\":\"CEL\",\"mode\":\"WRITE\",\"expr\":\"message.id != ''\"}]}";

    /**
     * What this registry does with a {@code ruleSet} sent with a schema: Confluent's registry (and {@code mock://})
     * keeps it; a registry that does not know rule sets drops or refuses it.
     */
    protected java.util.Set<RuleSetRegistration.Outcome> ruleSetOutcomes() {
        return java.util.Set.of(RuleSetRegistration.Outcome.KEPT);
    }

    @Test
    void givenARuleSet_whenRegisteredWithTheSchema_thenTheOutcomeSaysWhatTheRegistryHolds() {
        String subject = uniqueSubject("rules");
        io.streamlake.schema.catalog.CatalogEntry entry = new io.streamlake.schema.catalog.CatalogEntry(
                io.streamlake.core.domain.DatasetName.of("contract"),
                io.streamlake.core.domain.SchemaVersion.of(1),
                V1,
                "contract/v1.avsc",
                Optional.of(io.streamlake.schema.rules.RuleSetReader.read("contract/v1.rules.json", RULE_SET)));

        RuleSetRegistration registration = RuleSetRegistration.register(client(), subject, entry);

        assertThat(ruleSetOutcomes()).contains(registration.ruleSet());
        RegisteredSchema registered = client().lookup(subject, V1).orElseThrow();
        assertThat(registration.summary()).contains(registration.registry());
        if (registration.ruleSet() == RuleSetRegistration.Outcome.KEPT) {
            assertThat(client().ruleSet(subject, registered.version()))
                    .hasValueSatisfying(
                            held -> assertThat(held).contains("has-id").contains("message.id"));
        } else {
            assertThat(client().ruleSet(subject, registered.version())).isEmpty();
        }
    }
}
