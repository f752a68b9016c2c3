package io.streamlake.it.fault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.fault.PoisonCases.Poison;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kafka side of {@link PoisonInputPropertyTest}: a sample of the same generators (600 events, plus 10 MB
 * payloads and 10,000-level nesting) in one batch through the real pipeline on the shared broker. Every event is
 * dead-lettered (none published, none failed), and each DLQ record — read back with a plain consumer — carries its
 * stage and reason headers, the original key, and a JSON value that gives back the payload's bytes (or the first
 * {@code dlq.payload.max.bytes} of them with size and SHA-256).
 */
@StreamLakeIntegrationTest
class PoisonInputBrokerTest {

    static final int SAMPLE = 600;
    /** The core's default {@code dlq.payload.max.bytes}. */
    static final int DLQ_PAYLOAD_LIMIT = 262_144;

    @Test
    @Timeout(120)
    void givenSampleOfPoisonInputs_thenEachLandsInItsDlqWithBytesKeptAndNoneFails(KafkaEndpoint kafka) {
        List<Poison> cases = new ArrayList<>(
                PoisonCases.anySmall().sampleStream().limit(SAMPLE).toList());
        cases.add(PoisonCases.tenMegabytes("wrong-type"));
        cases.add(PoisonCases.tenMegabytes("invalid-utf8"));
        cases.add(PoisonCases.deepNesting()
                .sampleStream()
                .filter(p -> p.payload().length > 40_000)
                .findFirst()
                .orElseThrow());
        // valid, but 10 MB: refused by the producer (max.request.size) -> dead-lettered at stage publish
        cases.add(new Poison(
                "10mb-valid",
                IngestCommand.of(
                        FaultPipeline.ORDERS,
                        "big-valid",
                        ("{\"order_id\":\"big-valid\",\"amount\":1,\"currency\":\"" + "E".repeat(PoisonCases.TEN_MB)
                                        + "\"}")
                                .getBytes(UTF_8)),
                DlqStage.PUBLISH));

        try (FaultPipeline pipeline = FaultPipeline.start(kafka, FaultPipeline.json(), Map.of())) {
            Set<DatasetName> datasets = new LinkedHashSet<>(List.of(FaultPipeline.ORDERS, FaultPipeline.PAYMENTS));
            PoisonCases.UNKNOWN_DATASETS.forEach(name -> datasets.add(DatasetName.of(name)));
            datasets.forEach(pipeline::provision);

            List<IngestionResult> results = Collections.synchronizedList(new ArrayList<>());
            BatchSummary summary =
                    pipeline.ingestAll(cases.stream().map(Poison::command).iterator(), results::add);
            Map<byte[], Poison> byPayload = new IdentityHashMap<>();
            cases.forEach(p -> byPayload.put(p.payload(), p));
            String failures = results.stream()
                    .filter(r -> !(r instanceof IngestionResult.DeadLettered))
                    .map(r -> byPayload.get(r.ref().payload()) + " -> " + r)
                    .limit(5)
                    .collect(Collectors.joining("\n"));
            System.out.printf("PoisonInputBrokerTest: %d inputs -> %s%n%s%n", cases.size(), summary, failures);

            assertThat(summary.total()).isEqualTo(cases.size());
            assertThat(summary.failed()).as(failures).isZero();
            assertThat(summary.published()).as(failures).isZero();
            assertThat(summary.deadLettered()).isEqualTo(cases.size());

            Map<String, ConsumerRecord<byte[], byte[]>> dlqById = new HashMap<>();
            for (DatasetName dataset : datasets) {
                long expected = cases.stream()
                        .filter(p -> p.command().dataset().equals(dataset))
                        .count();
                List<ConsumerRecord<byte[], byte[]>> records =
                        kafka.consumeAll(pipeline.deadLetter(dataset), (int) expected, Duration.ofSeconds(30));
                assertThat(records).as("DLQ of %s", dataset).hasSize((int) expected);
                records.forEach(r -> dlqById.put(header(r, HeaderNames.INGESTION_ID), r));
                assertThat(pipeline.endOffsets(pipeline.raw(dataset)))
                        .as("RAW of %s", dataset)
                        .isZero();
            }
            for (IngestionResult result : results) {
                Poison poison = byPayload.get(result.ref().payload());
                IngestionResult.DeadLettered dead = (IngestionResult.DeadLettered) result;
                assertThat(dead.stage()).as("%s: %s", poison, dead.reason()).isEqualTo(poison.stage());
                ConsumerRecord<byte[], byte[]> record = dlqById.get(result.ref().ingestionId());
                assertThat(record).as("DLQ record of %s", poison).isNotNull();
                assertThat(header(record, HeaderNames.DLQ_STAGE))
                        .as("%s", poison)
                        .isEqualTo(poison.stage().wireName());
                assertThat(header(record, HeaderNames.DLQ_REASON))
                        .as("%s", poison)
                        .isNotBlank();
                assertThat(record.key() == null ? null : new String(record.key(), UTF_8))
                        .as("%s", poison)
                        .isEqualTo(result.ref().key());
                DeadLetterValues.assertPreserves(
                        record.value(), poison.payload(), DLQ_PAYLOAD_LIMIT, poison.toString());
            }
        }
    }

    /**
     * A 2 MB key read from the payload (an order id of 2 MB, otherwise a valid order): too large for RAW, and the
     * dead letter keeps the original key — so it must still reach the DLQ, not end as a failure.
     */
    @Test
    @Timeout(60)
    void givenKeyLargerThanMaxRequestSize_thenDeadLetteredNotFailed(KafkaEndpoint kafka) {
        String id = "K".repeat(2 * 1024 * 1024);
        byte[] payload = ("{\"order_id\":\"" + id + "\",\"amount\":1}").getBytes(UTF_8);
        try (FaultPipeline pipeline = FaultPipeline.start(kafka, FaultPipeline.json(), Map.of())) {
            pipeline.provision(FaultPipeline.ORDERS);
            List<IngestionResult> results = Collections.synchronizedList(new ArrayList<>());
            BatchSummary summary = pipeline.ingestAll(
                    List.of(IngestCommand.keyedBy(FaultPipeline.ORDERS, "order_id", payload))
                            .iterator(),
                    results::add);
            String outcome = results.stream()
                    .map(r -> r instanceof IngestionResult.Failed f
                            ? "Failed: " + f.reason()
                            : r instanceof IngestionResult.DeadLettered d
                                    ? "DeadLettered " + d.stage() + ": " + d.reason()
                                    : "Published")
                    .map(s -> s.length() > 600 ? s.substring(0, 600) : s)
                    .collect(Collectors.joining());
            System.out.println("PoisonInputBrokerTest (2 MB key): " + summary + " " + outcome);
            assertThat(summary.failed()).as(outcome).isZero();
            assertThat(summary.deadLettered()).as(outcome).isEqualTo(1);
            List<ConsumerRecord<byte[], byte[]>> dlq =
                    kafka.consumeAll(pipeline.deadLetter(FaultPipeline.ORDERS), 1, Duration.ofSeconds(20));
            assertThat(dlq).hasSize(1);
            ConsumerRecord<byte[], byte[]> record = dlq.get(0);
            DeadLetterValues.assertPreserves(record.value(), payload, DLQ_PAYLOAD_LIMIT, "2 MB key");
            // the key is cut to dlq.payload.max.bytes, and the record stays on the full key's partition
            assertThat(record.key()).hasSize(DLQ_PAYLOAD_LIMIT);
            assertThat(id).startsWith(new String(record.key(), UTF_8));
            assertThat(record.partition())
                    .isEqualTo(Utils.toPositive(Utils.murmur2(id.getBytes(UTF_8))) % FaultPipeline.PARTITIONS);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    static {
        // the core's default dlq.payload.max.bytes
        assertThat(IngestionSettings.DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT).isEqualTo(DLQ_PAYLOAD_LIMIT);
    }
}
