package io.streamlake.schema.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.validation.PayloadValidators;
import io.streamlake.schema.validation.ReferenceValidator;
import io.streamlake.schema.validation.UnknownFieldPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential test of the tiered parse and validation against the references ({@link ReferenceJsonPayloadParser} and
 * {@link ReferenceValidator}, tree only): for generated payloads, valid, near-valid and malformed, the same parse
 * outcome and reason, the same {@code textField}s, the same tree, and the same validation outcome and violations
 * against every catalog schema (orders v1/v2, payments v1, the test-only {@code sink} schema of every leaf and union
 * shape) under both unknown-field policies.
 */
class StrictPathDifferentialTest {

    static final SchemaCatalog CATALOG = DifferentialPayloads.CATALOG;
    private static final List<Tuple.Tuple2<DatasetName, Optional<SchemaVersion>>> TARGETS =
            DifferentialPayloads.TARGETS;

    private static final JsonPayloadParser PARSER = new JsonPayloadParser();
    private static final ReferenceJsonPayloadParser REFERENCE_PARSER = new ReferenceJsonPayloadParser();
    private static final List<PayloadValidator> VALIDATORS = new ArrayList<>();
    private static final List<PayloadValidator> REFERENCE_VALIDATORS = new ArrayList<>();

    static {
        for (UnknownFieldPolicy policy : UnknownFieldPolicy.values()) {
            VALIDATORS.add(PayloadValidators.create(CATALOG, policy, true));
            REFERENCE_VALIDATORS.add(new ReferenceValidator(CATALOG, policy));
        }
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return DifferentialPayloads.any();
    }

    @Property(tries = 5000)
    void givenAnyPayload_thenOutcomesAreThoseOfTheReference(@ForAll("payloads") byte[] raw) {
        assertSameOutcomes(raw);
    }

    /** Asserts that the streaming implementation and the reference agree on {@code raw} in every observable way. */
    static void assertSameOutcomes(byte[] raw) {
        ParseOutcome expected;
        try {
            expected = REFERENCE_PARSER.parse(raw);
        } catch (NumberFormatException e) {
            // the reference throws for a float whose exponent overflows BigDecimal; the parser calls it malformed
            // (a dead letter)
            Statistics.label("parse").collect("reference throws " + e.getClass().getSimpleName());
            assertThat(PARSER.parse(raw))
                    .isInstanceOfSatisfying(
                            ParseOutcome.Malformed.class,
                            m -> assertThat(m.reason()).startsWith("a number's exponent is out of range"));
            return;
        }
        ParseOutcome actual = PARSER.parse(raw);
        if (expected instanceof ParseOutcome.Malformed) {
            Statistics.label("parse").collect("malformed");
            assertThat(actual).isEqualTo(expected);
            return;
        }
        assertThat(actual).isInstanceOf(ParseOutcome.Parsed.class);
        JsonPayload payload = (JsonPayload) ((ParseOutcome.Parsed) actual).payload();
        JsonPayload reference = (JsonPayload) ((ParseOutcome.Parsed) expected).payload();
        Statistics.label("parse")
                .collect(payload.hasTree() ? "parsed by the tree parse" : "parsed by the streaming pass");
        for (int i = 0; i < VALIDATORS.size(); i++) {
            for (var target : TARGETS) {
                JsonPayload fresh = (JsonPayload) ((ParseOutcome.Parsed) PARSER.parse(raw)).payload();
                if (fresh.scalars().isPresent()) {
                    // the same flat payload without its recorded scalars: the token path must agree too
                    JsonPayload tokensOnly = new JsonPayload(raw, (TopLevelScalars) null);
                    assertSameValidation(
                            outcomeOrThrown(() -> VALIDATORS.get(0).validate(target.get1(), target.get2(), tokensOnly)),
                            outcomeOrThrown(() ->
                                    REFERENCE_VALIDATORS.get(0).validate(target.get1(), target.get2(), reference)));
                    Statistics.label("flat payloads")
                            .collect(tokensOnly.hasTree() ? "token path: not sure" : "token path: conforms");
                }
                PayloadValidator validator = VALIDATORS.get(i);
                PayloadValidator referenceValidator = REFERENCE_VALIDATORS.get(i);
                Object outcome = outcomeOrThrown(() -> validator.validate(target.get1(), target.get2(), fresh));
                assertSameValidation(
                        outcome,
                        outcomeOrThrown(() -> referenceValidator.validate(target.get1(), target.get2(), reference)));
                Statistics.label("validation")
                        .collect(outcome.getClass().getSimpleName()
                                + (fresh.hasTree() ? " (tree)" : " (streaming only)"));
            }
        }
        for (int i = 0; i < VALIDATORS.size(); i++) {
            for (var target : TARGETS) {
                PayloadValidator validator = VALIDATORS.get(i);
                PayloadValidator referenceValidator = REFERENCE_VALIDATORS.get(i);
                assertSameValidation(
                        outcomeOrThrown(() -> validator.validate(target.get1(), target.get2(), payload)),
                        outcomeOrThrown(() -> referenceValidator.validate(target.get1(), target.get2(), reference)));
            }
        }
        for (String name : JsonTexts.NAMES) {
            assertThat(payload.textField(name)).as(name).isEqualTo(reference.textField(name));
        }
        assertThat(payload.raw()).isSameAs(raw);
        assertThat(payload.tree()).isEqualTo(reference.tree());
    }

    /**
     * Equal outcomes, except where the reference threw (an integer type given a whole number too large for a
     * BigInteger, e.g. 1e999999999): there the validator reports the value out of range, a dead letter.
     */
    private static void assertSameValidation(Object actual, Object expected) {
        if (expected instanceof String thrown && thrown.startsWith("threw java.lang.ArithmeticException")) {
            Statistics.label("reference threw").collect("ArithmeticException");
            assertThat(actual)
                    .isInstanceOfSatisfying(
                            io.streamlake.core.domain.ValidationOutcome.Invalid.class,
                            invalid -> assertThat(invalid.reason()).contains("(out of"));
            return;
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The outcome, or a description of the exception. */
    private static Object outcomeOrThrown(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
