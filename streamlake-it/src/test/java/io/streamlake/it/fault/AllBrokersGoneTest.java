package io.streamlake.it.fault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.StreamLakeExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The only broker goes away in the middle of a batch for longer than {@code delivery.timeout.ms} (library level:
 * the core's stream service on the real adapter). Every event the cluster did not acknowledge comes back as a
 * retriable {@code Failed} naming the bootstrap servers — never dead-lettered, never silently dropped — and
 * sending exactly those again (their payloads are in {@code EventRef.payload()}) once the broker is back
 * publishes them: RAW then holds every event of the batch at least once, under one ingestion id per event.
 *
 * <p>At-least-once, not exactly once: an event whose acknowledgement was lost (the broker appended it while
 * stopping, the answer never came) expires as failed although it is on RAW, and its re-send writes it again.
 * Kafka cannot tell the two apart; the re-send keeps the event's ingestion id, so consumers de-duplicate on it.
 * Only events that were reported failed and re-sent may appear twice.
 */
class AllBrokersGoneTest {

    static final long DELIVERY_TIMEOUT_MS = 5_000;
    /** Events sent before the stop, and after the restart, at about 500 a second. */
    static final int BEFORE = 400;

    static final int AFTER = 300;
    /** Events sent at full speed when the broker begins to stop. */
    static final int BURST = 2_000;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void givenOnlyBrokerGoneLongerThanDeliveryTimeout_thenUnacknowledgedFailRetriableAndPublishWhenSentAgain()
            throws Exception {
        EmbeddedKafkaConfig config =
                EmbeddedKafkaConfig.defaults().withBaseDirectory(StreamLakeExtension.workDirectory());
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(config)) {
            KafkaEndpoint kafka = KafkaEndpoint.of(cluster.bootstrapServers());
            Map<String, String> adapter = Map.of(
                    KafkaAdapterConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    String.valueOf(DELIVERY_TIMEOUT_MS),
                    KafkaAdapterConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    "2000",
                    KafkaAdapterConfig.LINGER_MS_CONFIG,
                    "0",
                    // send() must not wait 60 s for metadata of a partition whose leader is gone
                    KafkaAdapterConfig.PASSTHROUGH_PREFIX + "max.block.ms",
                    "1000",
                    KafkaAdapterConfig.PASSTHROUGH_PREFIX + "retry.backoff.max.ms",
                    "500");
            try (FaultPipeline pipeline = FaultPipeline.start(kafka, FaultPipeline.json(), adapter)) {
                pipeline.provision(FaultPipeline.ORDERS);
                Outcomes outcomes = new Outcomes();
                StateDrivenEvents events = new StateDrivenEvents();
                ExecutorService producerThread = Executors.newSingleThreadExecutor();
                BatchSummary summary;
                long stoppedForMs;
                try {
                    Future<BatchSummary> run =
                            producerThread.submit(() -> pipeline.ingestAll(events, outcomes::record));
                    await(() -> outcomes.published.get() >= BEFORE, run, "the first events are acknowledged");
                    long stoppedAt = System.nanoTime();
                    events.burst.set(true); // a burst of sends while the broker shuts down: records in flight
                    cluster.stopBroker(0);
                    // gone longer than delivery.timeout.ms, and long enough that failures were reported
                    await(
                            () -> outcomes.failed.size() > 0
                                    && System.nanoTime() - stoppedAt
                                            > TimeUnit.MILLISECONDS.toNanos(DELIVERY_TIMEOUT_MS + 2_000),
                            run,
                            "events fail while the broker is gone");
                    stoppedForMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
                    cluster.restartBroker(0);
                    events.restarted.set(true);
                    summary = run.get(2, TimeUnit.MINUTES);
                } finally {
                    producerThread.shutdownNow();
                }
                int inputs = events.sent.get();
                String report = String.format(
                        "inputs=%d published=%d deadLettered=%d failed=%d brokerGoneFor=%dms " + "firstReasons=%s",
                        inputs,
                        summary.published(),
                        summary.deadLettered(),
                        summary.failed(),
                        stoppedForMs,
                        outcomes.failed.stream()
                                .limit(3)
                                .map(IngestionResult.Failed::reason)
                                .toList());
                System.out.println("AllBrokersGoneTest (broker gone): " + report);
                System.out.printf(
                        "AllBrokersGoneTest: failed by expiry (delivery.timeout.ms)=%d, by metadata wait "
                                + "(max.block.ms)=%d%n",
                        outcomes.failedWith("Expiring"), outcomes.failedWith("not present in metadata"));

                assertThat(summary.total()).as(report).isEqualTo(inputs);
                assertThat(summary.deadLettered()).as(report).isZero();
                assertThat(summary.failed()).as(report).isPositive().isEqualTo(outcomes.failed.size());
                assertThat(summary.published()).as(report).isGreaterThanOrEqualTo(BEFORE);
                assertThat(outcomes.failed).as(report).allSatisfy(failed -> {
                    assertThat(failed.retriable()).as(failed.reason()).isTrue();
                    assertThat(failed.reason())
                            .contains(cluster.bootstrapServers())
                            .containsIgnoringCase("timeout");
                });
                assertThat(outcomes.failedWith("Expiring"))
                        .as("events that expired after delivery.timeout.ms: " + report)
                        .isPositive();
                assertThat(pipeline.endOffsets(pipeline.deadLetter(FaultPipeline.ORDERS)))
                        .as("DLQ records")
                        .isZero();

                // the re-run: exactly the failed events, same key, same payload bytes, same ingestion id
                pipeline.provision(FaultPipeline.ORDERS); // waits until every partition's leader answers again
                List<IngestCommand> rerun = outcomes.failed.stream()
                        .map(f -> IngestCommand.of(
                                        f.ref().dataset(),
                                        f.ref().key(),
                                        f.ref().payload())
                                .withIngestionId(f.ref().ingestionId()))
                        .toList();
                Outcomes again = new Outcomes();
                BatchSummary second = pipeline.ingestAll(rerun.iterator(), again::record);
                System.out.println("AllBrokersGoneTest (re-run of the failed): " + second);
                assertThat(second.published())
                        .as(
                                "re-run %s: %s",
                                second,
                                again.failed.stream()
                                        .limit(3)
                                        .map(IngestionResult.Failed::reason)
                                        .toList())
                        .isEqualTo(rerun.size());

                String rawTopic = pipeline.raw(FaultPipeline.ORDERS);
                long written = kafka.recordsWritten(rawTopic);
                List<ConsumerRecord<byte[], byte[]>> raw =
                        kafka.consumeAll(rawTopic, (int) written, Duration.ofSeconds(30));
                assertThat(raw).as("records read back of those written").hasSize((int) written);
                Map<String, Integer> byContent = new HashMap<>();
                Map<String, Set<String>> idsByContent = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : raw) {
                    String content = new String(record.value(), UTF_8);
                    byContent.merge(content, 1, Integer::sum);
                    idsByContent
                            .computeIfAbsent(content, c -> new HashSet<>())
                            .add(new String(
                                    record.headers()
                                            .lastHeader(HeaderNames.INGESTION_ID)
                                            .value(),
                                    UTF_8));
                }
                Set<String> resent = new HashSet<>();
                for (IngestCommand command : rerun) {
                    resent.add(new String(command.payload(), UTF_8));
                }
                Set<String> duplicated = new HashSet<>();
                byContent.forEach((content, copies) -> {
                    if (copies > 1) {
                        duplicated.add(content);
                    }
                });
                Set<String> ids = new HashSet<>();
                idsByContent.values().forEach(ids::addAll);
                System.out.printf(
                        "AllBrokersGoneTest (RAW): records=%d distinctPayloads=%d distinctIds=%d "
                                + "twice (lost acknowledgements, re-sent)=%d%n",
                        raw.size(), byContent.size(), ids.size(), duplicated.size());
                assertThat(byContent.keySet())
                        .as("RAW holds every event of the batch")
                        .isEqualTo(events.payloads());
                assertThat(resent)
                        .as("events on RAW more than once were reported failed and re-sent")
                        .containsAll(duplicated);
                assertThat(idsByContent)
                        .as("every copy of an event carries its one ingestion id")
                        .allSatisfy((content, idsOfContent) ->
                                assertThat(idsOfContent).as(content).hasSize(1));
                assertThat(ids).hasSize(inputs);
                assertThat(duplicated)
                        .as("at most two copies: the lost first send and the re-send")
                        .allSatisfy(content ->
                                assertThat(byContent.get(content)).as(content).isEqualTo(2));
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Future<?> run, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (run.isDone()) {
                run.get();
                throw new AssertionError("the batch ended before: " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    static final class Outcomes {
        final AtomicLong published = new AtomicLong();
        final List<IngestionResult.Failed> failed = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<IngestionResult.DeadLettered> deadLettered = new AtomicReference<>();

        long failedWith(String text) {
            synchronized (failed) {
                return failed.stream().filter(f -> f.reason().contains(text)).count();
            }
        }

        void record(IngestionResult result) {
            if (result instanceof IngestionResult.Published) {
                published.incrementAndGet();
            } else if (result instanceof IngestionResult.Failed f) {
                failed.add(f);
            } else if (result instanceof IngestionResult.DeadLettered d) {
                deadLettered.set(d);
            }
        }
    }

    /**
     * About 500 events a second, {@code {"order_id":"o-<n>","amount":<n>}} on 20 keys, until {@link #AFTER}
     * events after the broker came back.
     */
    static final class StateDrivenEvents implements Iterator<IngestCommand> {
        final AtomicBoolean burst = new AtomicBoolean();
        final AtomicBoolean restarted = new AtomicBoolean();
        final AtomicInteger sent = new AtomicInteger();
        private int afterRestart;
        private int burstLeft = BURST;

        @Override
        public boolean hasNext() {
            return afterRestart < AFTER;
        }

        @Override
        public IngestCommand next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (restarted.get()) {
                afterRestart++;
            }
            try {
                if (burst.get() && burstLeft > 0) {
                    burstLeft--;
                } else {
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            int n = sent.getAndIncrement();
            return IngestCommand.of(
                    FaultPipeline.ORDERS, "k" + (n % 20), payload(n).getBytes(UTF_8));
        }

        static String payload(int n) {
            return "{\"order_id\":\"o-" + n + "\",\"amount\":" + n + "}";
        }

        Set<String> payloads() {
            Set<String> all = new HashSet<>();
            for (int n = 0; n < sent.get(); n++) {
                all.add(payload(n));
            }
            return all;
        }
    }
}
