package io.streamlake.core.service;

import static io.streamlake.core.service.Pipeline.ORDERS;
import static io.streamlake.core.service.Pipeline.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterHeaders;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.IngestionMetrics;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.core.testing.SequentialIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class IngestionServiceTest {

    private final Pipeline p = new Pipeline();

    @Test
    void givenValidEvent_thenPublishedToRawWithMetadataAndLatestVersion() {
        IngestionResult result = p.ingest("ORD-100", "order_id=ORD-100;amount=250.5;currency=EUR");

        assertThat(result).isInstanceOf(IngestionResult.Published.class);
        IngestionResult.Published published = (IngestionResult.Published) result;
        assertThat(published.schemaVersion()).isEqualTo(SchemaVersion.of(2));
        assertThat(published.receipt().topic()).isEqualTo("streamlake.orders.raw");
        OutboundEvent sent = p.publisher.stored("streamlake.orders.raw").get(0).record();
        assertThat(sent.key()).isEqualTo("ORD-100");
        assertThat(sent.metadata().schemaVersion()).contains(SchemaVersion.of(2));
        assertThat(sent.metadata().ingestionId()).isEqualTo("id-1");
        assertThat(sent.metadata().eventTime()).isEqualTo(Pipeline.NOW);
        assertThat(sent.metadata().producerService()).isEqualTo("streamlake-producer");
        assertThat(sent.value().bytes()).isEqualTo(bytes("order_id=ORD-100;amount=250.5;currency=EUR"));
        assertThat(p.deadLetters.all()).isEmpty();
    }

    @Test
    void givenPinnedVersion_thenValidatedAgainstThatVersion() {
        IngestionResult result = p.ingest(
                IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2")).withSchemaVersion(SchemaVersion.of(1)));
        assertThat(((IngestionResult.Published) result).schemaVersion()).isEqualTo(SchemaVersion.of(1));
    }

    @Test
    void givenEventTimeAndAttributes_thenTheyTravelInMetadata() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        p.ingest(IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2;currency=X"))
                .withEventTime(created)
                .withAttributes(Map.of("tenant", "acme")));
        OutboundEvent sent = p.publisher.all().get(0);
        assertThat(sent.metadata().eventTime()).isEqualTo(created);
        assertThat(sent.metadata().attributes()).containsEntry("tenant", "acme");
    }

    @Test
    void givenMalformedPayload_thenDeadLetteredAtParseWithBytesKept() {
        byte[] raw = {(byte) 0xFF, 'x'};
        IngestionResult result = p.ingest(IngestCommand.of(ORDERS, "k1", raw));

        assertDeadLettered(result, DlqStage.PARSE, "not valid UTF-8");
        DeadLetter dl = p.deadLetters.stored("streamlake.orders.dlq").get(0).record();
        assertThat(dl.originalPayload()).isEqualTo(raw);
        assertThat(dl.key()).isEqualTo("k1");
        assertThat(dl.errorClass()).isEqualTo("MalformedPayload");
        assertThat(dl.originalTopic()).isEqualTo("streamlake.orders.raw");
        assertThat(dl.failedAt()).isEqualTo(Pipeline.NOW);
        assertThat(dl.metadata().schemaVersion()).isEmpty();
        assertThat(p.publisher.all()).isEmpty();
    }

    @Test
    void givenEventFromAFileAndMalformedPayload_thenDeadLetterCarriesTheSourceAndItsReasonNamesTheLine() {
        IngestionResult result = p.ingest(IngestCommand.of(ORDERS, "k1", new byte[] {(byte) 0xFF, 'x'})
                .withSource(new EventSource("orders.jsonl", 17)));

        assertDeadLettered(result, DlqStage.PARSE, "orders.jsonl line 17: ");
        DeadLetter dl = p.deadLetters.all().get(0);
        assertThat(dl.reason()).startsWith("orders.jsonl line 17: ").contains("not valid UTF-8");
        assertThat(dl.source()).contains(new EventSource("orders.jsonl", 17));
        assertThat(DeadLetterHeaders.of(dl))
                .containsEntry(HeaderNames.DLQ_SOURCE_FILE, "orders.jsonl")
                .containsEntry(HeaderNames.DLQ_SOURCE_LINE, "17");
        DeadLetterValue value =
                DeadLetterValue.decode(DeadLetterValue.encode(dl, 1024)).orElseThrow();
        assertThat(value.source()).isEqualTo(new EventSource("orders.jsonl", 17));
    }

    @Test
    void givenEventFromAFileAndSchemaViolation_thenTheValidateReasonNamesTheLineToo() {
        IngestionResult result =
                p.ingest(IngestCommand.of(ORDERS, "k", bytes("order_id=1")).withSource(new EventSource("-", 3)));
        assertDeadLettered(result, DlqStage.VALIDATE, "- line 3: ");
        assertThat(p.deadLetters.all().get(0).source()).contains(new EventSource("-", 3));
    }

    @Test
    void givenEventFromAFileByDefault_thenItsRawRecordHasNoSource() {
        p.ingest(IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2;currency=X"))
                .withSource(new EventSource("orders.jsonl", 4)));
        OutboundEvent sent = p.publisher.all().get(0);
        assertThat(sent.metadata().source()).isEmpty();
        assertThat(HeaderNames.standardHeaders(sent.metadata(), null)).doesNotContainKey(HeaderNames.SOURCE);
    }

    @Test
    void givenSourceOnRaw_thenItsRawRecordCarriesTheSourceHeader() {
        Pipeline withSource = new Pipeline(IngestionSettings.defaults().withSourceOnRaw(true));
        withSource.ingest(IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2;currency=X"))
                .withSource(new EventSource("orders.jsonl", 4)));
        OutboundEvent sent = withSource.publisher.all().get(0);
        assertThat(sent.metadata().source()).contains(new EventSource("orders.jsonl", 4));
        assertThat(HeaderNames.standardHeaders(sent.metadata(), null))
                .containsEntry(HeaderNames.SOURCE, "orders.jsonl:4");
    }

    @Test
    void givenEventFromAFileRejectedByTheBroker_thenThePublishDeadLetterKeepsTheSource() {
        p.publisher.failWith(e -> new RejectedPayloadException("RecordTooLarge", "record is 2000000 bytes"));
        IngestionResult result = p.ingest(IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2;currency=X"))
                .withSource(new EventSource("orders.jsonl", 9)));
        assertDeadLettered(result, DlqStage.PUBLISH, "orders.jsonl line 9: record is 2000000 bytes");
        assertThat(p.deadLetters.all().get(0).source()).contains(new EventSource("orders.jsonl", 9));
    }

    @Test
    void givenNoKeyWhileKeysRequired_thenDeadLetteredAtValidate() {
        assertDeadLettered(p.ingest(null, "order_id=1;amount=2"), DlqStage.VALIDATE, "has no key");
    }

    @Test
    void givenKeysOptional_thenEventWithoutKeyIsPublished() {
        Pipeline optional = new Pipeline(IngestionSettings.defaults().withKeyRequired(false));
        assertThat(optional.ingest(null, "order_id=1;amount=2;currency=X"))
                .isInstanceOf(IngestionResult.Published.class);
        assertThat(optional.publisher.all().get(0).key()).isNull();
    }

    @Test
    void givenKeyField_thenKeyIsTakenFromPayload() {
        IngestionResult result =
                p.ingest(IngestCommand.keyedBy(ORDERS, "order_id", bytes("order_id=ORD-7;amount=1;currency=X")));
        assertThat(result.ref().key()).isEqualTo("ORD-7");
        assertThat(p.publisher.all().get(0).key()).isEqualTo("ORD-7");
    }

    @Test
    void givenKeyFieldMissingFromPayload_thenDeadLetteredNamingTheField() {
        IngestionResult result = p.ingest(IngestCommand.keyedBy(ORDERS, "order_id", bytes("amount=1")));
        assertDeadLettered(result, DlqStage.VALIDATE, "key field 'order_id'");
    }

    @Test
    void givenUnknownDataset_thenDeadLetteredToThatDatasetsDlqNamingIt() {
        IngestionResult result = p.ingest(IngestCommand.of(DatasetName.of("unknown"), "k", bytes("a=1")));
        assertDeadLettered(result, DlqStage.VALIDATE, "unknown dataset 'unknown'");
        assertThat(p.deadLetters.stored("streamlake.unknown.dlq")).hasSize(1);
    }

    @Test
    void givenUnknownVersion_thenDeadLetteredNamingIt() {
        IngestionResult result = p.ingest(
                IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2")).withSchemaVersion(SchemaVersion.of(9)));
        assertDeadLettered(result, DlqStage.VALIDATE, "unknown schema version v9");
    }

    @Test
    void givenPinnedVersionAndSchemaViolation_thenDeadLetterKeepsThatVersionInHeaderAndValue() {
        IngestionResult result =
                p.ingest(IngestCommand.of(ORDERS, "k", bytes("order_id=1")).withSchemaVersion(SchemaVersion.of(1)));

        assertDeadLettered(result, DlqStage.VALIDATE, "$.amount: required field is missing");
        DeadLetter dl = p.deadLetters.all().get(0);
        assertThat(dl.metadata().schemaVersion()).contains(SchemaVersion.of(1));
        assertThat(DeadLetterHeaders.of(dl)).containsEntry(HeaderNames.SCHEMA_VERSION, "v1");
        assertThat(DeadLetterValue.decode(DeadLetterValue.encode(dl, 1024))
                        .orElseThrow()
                        .schemaVersion())
                .isEqualTo(SchemaVersion.of(1));
    }

    @Test
    void givenNoVersionAndSchemaViolation_thenDeadLetterCarriesTheLatestVersionItFailedToMatch() {
        IngestionResult result = p.ingest("k", "order_id=1;amount=2");

        assertDeadLettered(result, DlqStage.VALIDATE, "$.currency: required field is missing");
        assertThat(p.deadLetters.all().get(0).metadata().schemaVersion()).contains(SchemaVersion.of(2));
    }

    @Test
    void givenUnknownPinnedVersion_thenDeadLetterKeepsTheVersionAskedFor() {
        p.ingest(IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2")).withSchemaVersion(SchemaVersion.of(9)));

        assertThat(p.deadLetters.all().get(0).metadata().schemaVersion()).contains(SchemaVersion.of(9));
    }

    @Test
    void givenUnknownDatasetAndNoVersion_thenDeadLetterHasNoVersion() {
        p.ingest(IngestCommand.of(DatasetName.of("unknown"), "k", bytes("a=1")));

        DeadLetter dl = p.deadLetters.all().get(0);
        assertThat(dl.metadata().schemaVersion()).isEmpty();
        assertThat(DeadLetterHeaders.of(dl)).doesNotContainKey(HeaderNames.SCHEMA_VERSION);
    }

    @Test
    void givenPinnedVersionAndMalformedPayload_thenParseStageDeadLetterKeepsTheVersionAskedFor() {
        IngestionResult result = p.ingest(
                IngestCommand.of(ORDERS, "k", new byte[] {(byte) 0xFF}).withSchemaVersion(SchemaVersion.of(2)));

        assertDeadLettered(result, DlqStage.PARSE, "not valid UTF-8");
        assertThat(p.deadLetters.all().get(0).metadata().schemaVersion()).contains(SchemaVersion.of(2));
    }

    @Test
    void givenSchemaViolations_thenDeadLetteredWithEveryFieldPath() {
        IngestionResult result = p.ingest("k", "currency=EUR");
        assertDeadLettered(
                result,
                DlqStage.VALIDATE,
                "$.amount: required field is missing; $.order_id: required field is missing");
        assertThat(p.deadLetters.all().get(0).errorClass()).isEqualTo("SchemaViolation");
    }

    @Test
    void givenSerializerRejectsPayload_thenDeadLetteredAtSerialize() {
        p.serializer.failWith(e -> new RejectedPayloadException("SerializationError", "$.amount: not a double"));
        IngestionResult result = p.ingest("k", "order_id=1;amount=2;currency=X");
        assertDeadLettered(result, DlqStage.SERIALIZE, "$.amount: not a double");
        assertThat(p.deadLetters.all().get(0).metadata().schemaVersion()).contains(SchemaVersion.of(2));
    }

    @Test
    void givenRegistryDownWhileSerializing_thenFailedRetriableAndNotDeadLettered() {
        p.serializer.failWith(e -> new RetriableStreamLakeException("schema registry at http://r:8081 not reachable"));
        IngestionResult result = p.ingest("k", "order_id=1;amount=2;currency=X");
        assertFailed(result, true, "schema registry at http://r:8081 not reachable");
    }

    @Test
    void givenBrokerRejectsRecordAsTooLarge_thenDeadLetteredAtPublish() {
        p.publisher.failWith(e -> new RejectedPayloadException("RecordTooLarge", "record is 2000000 bytes"));
        IngestionResult result = p.ingest("k", "order_id=1;amount=2;currency=X");
        assertDeadLettered(result, DlqStage.PUBLISH, "record is 2000000 bytes");
        assertThat(p.deadLetters.all().get(0).errorClass()).isEqualTo("RecordTooLarge");
    }

    @Test
    void givenBrokerUnreachable_thenFailedRetriableNamingItAndNeverDeadLettered() {
        p.publisher.failWith(e -> new RetriableStreamLakeException("Kafka at localhost:9092: delivery timed out"));
        IngestionResult result = p.ingest("k", "order_id=1;amount=2;currency=X");
        assertFailed(result, true, "localhost:9092");
        assertThat(p.deadLetters.all()).isEmpty();
    }

    @Test
    void givenAuthorizationRefused_thenFailedFatal() {
        p.publisher.failWith(e -> new FatalStreamLakeException("not authorized to write streamlake.orders.raw"));
        assertFailed(p.ingest("k", "order_id=1;amount=2;currency=X"), false, "not authorized");
    }

    @Test
    void givenUnexpectedPublisherError_thenFailedNotRetriableAndFutureStillCompletes() {
        p.publisher.failWith(e -> new IllegalStateException("boom"));
        assertFailed(p.ingest("k", "order_id=1;amount=2;currency=X"), false, "IllegalStateException: boom");
    }

    @Test
    void givenDeadLetterNotAcknowledged_thenFailedNamingBothReasons() {
        p.deadLetters.failWith(d -> new RetriableStreamLakeException("DLQ delivery timed out"));
        IngestionResult result = p.ingest("k", "garbage");
        assertFailed(
                result,
                true,
                "its dead letter (field 'garbage' is not name=value) was not acknowledged: DLQ delivery timed out");
    }

    @Test
    void givenCustomPrefix_thenTopicsUseIt() {
        Pipeline custom = new Pipeline(IngestionSettings.defaults().withTopics(new TopicNaming("lake")));
        custom.ingest("k", "order_id=1;amount=2;currency=X");
        custom.ingest("k", "nope");
        assertThat(custom.publisher.stored("lake.orders.raw")).hasSize(1);
        assertThat(custom.deadLetters.stored("lake.orders.dlq")).hasSize(1);
    }

    @Test
    void givenManyEvents_thenEveryIngestionIdIsFresh() {
        for (int i = 0; i < 5; i++) {
            p.ingest("k" + i, "order_id=1;amount=2;currency=X");
        }
        assertThat(p.publisher.all())
                .extracting(e -> e.metadata().ingestionId())
                .doesNotHaveDuplicates()
                .hasSize(5);
    }

    @Test
    void givenSameKey_thenSamePartitionAndOffsetsInOrder() {
        for (int i = 0; i < 10; i++) {
            p.ingest("same", "order_id=" + i + ";amount=2;currency=X");
        }
        var stored = p.publisher.stored("streamlake.orders.raw");
        assertThat(stored)
                .extracting(s -> s.receipt().partition())
                .containsOnly(stored.get(0).receipt().partition());
        assertThat(stored).extracting(s -> s.receipt().offset()).isSorted();
    }

    @Test
    void givenEachOutcome_thenMetricsCountItByStageAndErrorClass() {
        p.ingest("k", "order_id=1;amount=2;currency=X");
        p.ingest("k", "garbage");
        p.ingest("k", "amount=2");
        p.publisher.failWith(e -> new RetriableStreamLakeException("down"));
        p.ingest("k", "order_id=1;amount=2;currency=X");

        assertThat(p.metrics.published()).isEqualTo(1);
        assertThat(p.metrics.deadLettered(DlqStage.PARSE, "MalformedPayload")).isEqualTo(1);
        assertThat(p.metrics.deadLettered(DlqStage.VALIDATE, "SchemaViolation")).isEqualTo(1);
        assertThat(p.metrics.failed()).isEqualTo(1);
    }

    @Test
    void givenCallbackDispatch_thenThePublishersCallbackIsUsedAndEachOutcomeArrivesOnceAndIsCounted() {
        EventPublisher callbackOnly = new EventPublisher() {
            @Override
            public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
                throw new AssertionError("a future per event: the publisher's callback was not used");
            }

            @Override
            public void publish(OutboundEvent event, BiConsumer<PublishReceipt, Throwable> onDone) {
                p.publisher.publish(event).whenComplete(onDone);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        IngestionService service = p.serviceOver(IngestionSettings.defaults(), callbackOnly);
        List<IngestionResult> outcomes = new ArrayList<>();
        for (String payload : List.of("order_id=1;amount=2;currency=X", "garbage", "amount=2")) {
            service.dispatch(service.prepare(IngestCommand.of(ORDERS, "k", bytes(payload))), outcomes::add);
        }
        p.publisher.failWith(e -> new RejectedPayloadException("RecordTooLarge", "record is 2000000 bytes"));
        service.dispatch(
                service.prepare(IngestCommand.of(ORDERS, "k", bytes("order_id=2;amount=3;currency=X"))), outcomes::add);

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0)).isInstanceOf(IngestionResult.Published.class);
        assertDeadLettered(outcomes.get(1), DlqStage.PARSE, "");
        assertDeadLettered(outcomes.get(2), DlqStage.VALIDATE, "");
        assertDeadLettered(outcomes.get(3), DlqStage.PUBLISH, "record is 2000000 bytes");
        assertThat(p.metrics.published()).isEqualTo(1);
        assertThat(p.metrics.deadLettered(DlqStage.PUBLISH, "RecordTooLarge")).isEqualTo(1);
    }

    @Test
    void givenMetricsThatThrow_thenEveryOutcomeIsStillReportedUnchanged() {
        IngestionMetrics broken = new IngestionMetrics() {
            @Override
            public void published(DatasetName dataset, Duration latency) {
                throw new IllegalStateException("metrics registry closed");
            }

            @Override
            public void deadLettered(DatasetName dataset, DlqStage stage, String errorClass) {
                throw new IllegalStateException("metrics registry closed");
            }

            @Override
            public void failed(DatasetName dataset, boolean retriable) {
                throw new IllegalStateException("metrics registry closed");
            }
        };
        IngestionService service = new IngestionService(
                IngestionSettings.defaults(),
                new KeyValuePayloadParser(),
                p.validator,
                p.serializer,
                p.publisher,
                p.deadLetters,
                new SequentialIdGenerator(),
                Clock.fixed(Pipeline.NOW, ZoneOffset.UTC),
                broken);
        List<IngestionResult> outcomes = new ArrayList<>();

        service.dispatch(
                service.prepare(IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2;currency=X"))), outcomes::add);
        service.dispatch(service.prepare(IngestCommand.of(ORDERS, "k", bytes("garbage"))), outcomes::add);

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).isInstanceOf(IngestionResult.Published.class);
        assertDeadLettered(outcomes.get(1), DlqStage.PARSE, "");
    }

    private static void assertDeadLettered(IngestionResult result, DlqStage stage, String reasonPart) {
        assertThat(result).isInstanceOf(IngestionResult.DeadLettered.class);
        IngestionResult.DeadLettered dl = (IngestionResult.DeadLettered) result;
        assertThat(dl.stage()).isEqualTo(stage);
        assertThat(dl.reason()).contains(reasonPart);
        assertThat(dl.receipt().topic()).endsWith(".dlq");
    }

    private static void assertFailed(IngestionResult result, boolean retriable, String reasonPart) {
        assertThat(result).isInstanceOf(IngestionResult.Failed.class);
        IngestionResult.Failed failed = (IngestionResult.Failed) result;
        assertThat(failed.retriable()).isEqualTo(retriable);
        assertThat(failed.reason()).contains(reasonPart);
    }
}
