package io.streamlake.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterHeaders;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.RuleOutcome.RuleEffect.Kind;
import io.streamlake.core.testing.InMemoryPayloadRules;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.core.testing.SequentialIdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IngestionServiceRulesTest {

    private final Pipeline pipeline = new Pipeline();
    private final InMemoryPayloadRules rules = new InMemoryPayloadRules()
            .mask(Pipeline.ORDERS, "mask-email", "email", "***")
            .condition(Pipeline.ORDERS, "positive-amount", f -> Double.parseDouble(f.get("amount")) > 0, true)
            .condition(Pipeline.ORDERS, "known-currency", f -> !"XXX".equals(f.get("currency")), false);
    private final IngestionService service = new IngestionService(
            IngestionSettings.defaults(),
            new KeyValuePayloadParser(),
            pipeline.validator,
            rules,
            pipeline.serializer,
            pipeline.publisher,
            pipeline.deadLetters,
            new SequentialIdGenerator(),
            Clock.fixed(Pipeline.NOW, ZoneOffset.UTC),
            pipeline.metrics);

    private IngestionResult ingest(String payload) {
        return service.ingest(
                        io.streamlake.core.port.in.IngestCommand.of(Pipeline.ORDERS, "k1", Pipeline.bytes(payload)))
                .join();
    }

    @Test
    void givenAFalseCondition_thenTheEventIsDeadLetteredAtStageRuleWithTheRuleName() {
        IngestionResult result = ingest("order_id=1;amount=-5;currency=EUR");

        assertThat(result).isInstanceOfSatisfying(IngestionResult.DeadLettered.class, d -> {
            assertThat(d.stage()).isEqualTo(DlqStage.RULE);
            assertThat(d.rule()).isEqualTo("positive-amount");
            assertThat(d.errorClass()).isEqualTo("RuleViolation");
        });
        DeadLetter letter = pipeline.deadLetters.all().get(0);
        assertThat(DeadLetterHeaders.of(letter))
                .containsEntry(HeaderNames.DLQ_RULE, "positive-amount")
                .containsEntry(HeaderNames.DLQ_STAGE, "rule")
                .containsEntry(HeaderNames.SCHEMA_VERSION, "v2");
        assertThat(pipeline.publisher.all()).isEmpty();
        assertThat(pipeline.metrics.ruleApplied("positive-amount", Kind.DEAD_LETTERED))
                .isEqualTo(1);
    }

    @Test
    void givenAConditionThatCannotBeEvaluated_thenItIsARuleError() {
        IngestionResult result = ingest("order_id=1;amount=abc;currency=EUR");

        assertThat(result)
                .isInstanceOfSatisfying(
                        IngestionResult.DeadLettered.class,
                        d -> assertThat(d.errorClass()).isEqualTo("RuleError"));
    }

    @Test
    void givenAToleratedViolation_thenTheEventIsPublishedAndTheViolationCounted() {
        IngestionResult result = ingest("order_id=1;amount=5;currency=XXX");

        assertThat(result).isInstanceOf(IngestionResult.Published.class);
        assertThat(pipeline.metrics.ruleApplied("known-currency", Kind.TOLERATED))
                .isEqualTo(1);
    }

    @Test
    void givenATransform_thenTheSerializedPayloadHoldsTheNewValueOnly() {
        IngestionResult result = ingest("order_id=1;amount=5;currency=EUR;email=a@b.c");

        assertThat(result).isInstanceOf(IngestionResult.Published.class);
        String sent = new String(pipeline.publisher.all().get(0).value().bytes(), StandardCharsets.UTF_8);
        assertThat(sent).contains("email=***").doesNotContain("a@b.c");
        assertThat(pipeline.metrics.ruleApplied("mask-email", Kind.TRANSFORMED)).isEqualTo(1);
    }

    @Test
    void givenATransformBeforeAFailingCondition_thenTheDeadLetterHoldsTheTransformedValue() {
        ingest("order_id=1;amount=-1;currency=EUR;email=a@b.c");

        String kept = new String(pipeline.deadLetters.all().get(0).originalPayload(), StandardCharsets.UTF_8);
        assertThat(kept).contains("email=***").doesNotContain("a@b.c");
    }
}
