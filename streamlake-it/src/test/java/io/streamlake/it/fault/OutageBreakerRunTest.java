package io.streamlake.it.fault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.StreamLakeExtension;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The only broker is stopped a quarter into a long stream (library level: the core's stream service on the real
 * adapter). The outage breaker opens after {@code outage.fail.after.ms} without an answer, the stream stops reading,
 * and the run ends within {@code delivery.timeout.ms + outage.fail.after.ms} of the stop: every event is published,
 * reported failed (retriable) or left unread in the iterator, none dead-lettered. Once the broker is back, a probe
 * closes the breaker and a single event is published again.
 */
class OutageBreakerRunTest {

    static final int EVENTS = 300_000;
    static final long FAIL_AFTER_MS = 3_000;
    static final long DELIVERY_TIMEOUT_MS = 10_000;
    /** Stopping the broker, the last tick of the breaker, the end of the stream. */
    static final long MARGIN_MS = 5_000;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void givenOnlyBrokerStoppedAQuarterIn_thenTheRunEndsWithinTheBoundAndEveryEventIsAccountedFor() throws Exception {
        EmbeddedKafkaConfig config =
                EmbeddedKafkaConfig.defaults().withBaseDirectory(StreamLakeExtension.workDirectory());
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(config)) {
            KafkaEndpoint kafka = KafkaEndpoint.of(cluster.bootstrapServers());
            try (FaultPipeline pipeline = FaultPipeline.start(kafka, FaultPipeline.json(), outageSettings(Map.of()))) {
                pipeline.provision(FaultPipeline.ORDERS);
                Events events = new Events(EVENTS);
                AtomicLong published = new AtomicLong();
                Queue<IngestionResult.Failed> failed = new ConcurrentLinkedQueue<>();
                ExecutorService runner = Executors.newSingleThreadExecutor();
                BatchSummary summary;
                long stoppedAt;
                long endedAt;
                try {
                    Future<BatchSummary> run = runner.submit(() -> pipeline.ingestAll(events, r -> {
                        if (r instanceof IngestionResult.Published) {
                            published.incrementAndGet();
                        } else if (r instanceof IngestionResult.Failed f) {
                            failed.add(f);
                        }
                    }));
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (published.get() < EVENTS / 4 && !run.isDone() && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    assertThat(published.get()).as("published before the stop").isGreaterThanOrEqualTo(EVENTS / 4);
                    stoppedAt = System.nanoTime();
                    cluster.stopBroker(0);
                    summary = run.get(DELIVERY_TIMEOUT_MS + FAIL_AFTER_MS + 60_000, TimeUnit.MILLISECONDS);
                    endedAt = System.nanoTime();
                } finally {
                    runner.shutdownNow();
                }
                long tookMs = TimeUnit.NANOSECONDS.toMillis(endedAt - stoppedAt);
                long notRead = EVENTS - events.read.get();
                String report = String.format(
                        "read=%d published=%d failed=%d notRead=%d endedAfterStop=%dms firstReasons=%s",
                        events.read.get(),
                        summary.published(),
                        summary.failed(),
                        notRead,
                        tookMs,
                        failed.stream()
                                .map(IngestionResult.Failed::reason)
                                .distinct()
                                .limit(3)
                                .toList());
                System.out.println("OutageBreakerRunTest: " + report);

                assertThat(tookMs).as(report).isLessThanOrEqualTo(DELIVERY_TIMEOUT_MS + FAIL_AFTER_MS + MARGIN_MS);
                assertThat(notRead).as("events left unread: " + report).isPositive();
                assertThat(summary.total()).as(report).isEqualTo(events.read.get());
                assertThat(summary.published() + summary.failed() + notRead)
                        .as(report)
                        .isEqualTo(EVENTS);
                assertThat(summary.deadLettered()).as(report).isZero();
                assertThat(failed)
                        .as(report)
                        .hasSize((int) summary.failed())
                        .allSatisfy(
                                f -> assertThat(f.retriable()).as(f.reason()).isTrue());
                assertThat(failed)
                        .as("failed at once by the open breaker: " + report)
                        .anySatisfy(f -> {
                            assertThat(f.cause()).isInstanceOf(PlatformUnavailableException.class);
                            assertThat(f.reason())
                                    .contains("cluster unreachable since ")
                                    .contains("bootstrap servers " + cluster.bootstrapServers());
                        });

                cluster.restartBroker(0);
                assertThat(kafka.recordsWritten(pipeline.raw(FaultPipeline.ORDERS)))
                        .as("records on RAW, at least every acknowledged one")
                        .isGreaterThanOrEqualTo(summary.published());
                assertThat(publishOnceClosed(pipeline)).isInstanceOf(IngestionResult.Published.class);
            }
        }
    }

    /**
     * A send that is already waiting inside kafka-clients when the breaker opens: the only broker is gone and the send
     * is the first to a topic the producer has no metadata for, so {@code KafkaProducer.send} waits for metadata (the
     * wait a run's sends meet once the producer forgets its metadata after losing every broker). The breaker wakes it
     * when it opens: it fails with the breaker's exception within {@code outage.fail.after.ms} and a tick, not after
     * {@code max.block.ms}, and the calling thread is not left interrupted.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void givenASendWaitingForMetadataWhenTheBreakerOpens_thenItFailsAtOnceInsteadOfWaitingMaxBlockMs()
            throws Exception {
        long maxBlockMs = 60_000;
        EmbeddedKafkaConfig config =
                EmbeddedKafkaConfig.defaults().withBaseDirectory(StreamLakeExtension.workDirectory());
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(config)) {
            KafkaEndpoint kafka = KafkaEndpoint.of(cluster.bootstrapServers());
            Map<String, String> adapter = outageSettings(
                    Map.of(KafkaAdapterConfig.PASSTHROUGH_PREFIX + "max.block.ms", String.valueOf(maxBlockMs)));
            try (FaultPipeline pipeline = FaultPipeline.start(kafka, FaultPipeline.json(), adapter)) {
                pipeline.provision(FaultPipeline.ORDERS);
                pipeline.provision(FaultPipeline.PAYMENTS);
                assertThat(pipeline.ingestion()
                                .ingest(IngestCommand.of(FaultPipeline.ORDERS, "k", Events.payload(1)))
                                .get(30, TimeUnit.SECONDS))
                        .isInstanceOf(IngestionResult.Published.class);
                cluster.stopBroker(0);

                ExecutorService caller = Executors.newSingleThreadExecutor();
                try {
                    long start = System.nanoTime();
                    Future<Object[]> sent = caller.submit(() -> {
                        IngestionResult result = pipeline.ingestion()
                                .ingest(IngestCommand.of(
                                        FaultPipeline.PAYMENTS,
                                        "p",
                                        "{\"payment_id\":\"p-1\",\"amount\":1}".getBytes(UTF_8)))
                                .get(maxBlockMs + 30_000, TimeUnit.MILLISECONDS);
                        return new Object[] {result, Thread.currentThread().isInterrupted()};
                    });
                    Object[] outcome = sent.get(maxBlockMs + 40_000, TimeUnit.MILLISECONDS);
                    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                    assertThat(outcome[0]).isInstanceOf(IngestionResult.Failed.class);
                    IngestionResult.Failed failed = (IngestionResult.Failed) outcome[0];
                    assertThat(failed.cause()).as(failed.reason()).isInstanceOf(PlatformUnavailableException.class);
                    assertThat(failed.reason()).contains("cluster unreachable since ");
                    assertThat(failed.retriable()).isTrue();
                    assertThat(tookMs)
                            .as("woken when the breaker opened, not after max.block.ms")
                            .isLessThan(FAIL_AFTER_MS + MARGIN_MS);
                    assertThat(outcome[1])
                            .as("the calling thread left interrupted")
                            .isEqualTo(false);
                } finally {
                    caller.shutdownNow();
                }
            }
        }
    }

    /** The adapter settings of both tests, {@code more} laid over them. */
    private static Map<String, String> outageSettings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                KafkaAdapterConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                String.valueOf(DELIVERY_TIMEOUT_MS),
                // delivery.timeout.ms >= linger.ms + request.timeout.ms
                KafkaAdapterConfig.REQUEST_TIMEOUT_MS_CONFIG,
                "3000",
                KafkaAdapterConfig.OUTAGE_FAIL_AFTER_MS_CONFIG,
                String.valueOf(FAIL_AFTER_MS)));
        settings.putAll(more);
        return settings;
    }

    /**
     * One event, once the breaker's probe has seen the cluster again: while it is still open the send fails at once
     * with {@link PlatformUnavailableException}, so that is retried every 200 ms; any other outcome is returned.
     */
    private static IngestionResult publishOnceClosed(FaultPipeline pipeline) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        IngestionResult result;
        do {
            result = pipeline.ingestion()
                    .ingest(IngestCommand.of(FaultPipeline.ORDERS, "after", Events.payload(-1)))
                    .get(30, TimeUnit.SECONDS);
            if (!(result instanceof IngestionResult.Failed f && f.cause() instanceof PlatformUnavailableException)) {
                return result;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return result;
    }

    /** {@code count} small valid orders, generated as they are read; counts what was read. */
    private static final class Events implements Iterator<IngestCommand> {
        final AtomicInteger read = new AtomicInteger();
        private final int count;

        Events(int count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return read.get() < count;
        }

        @Override
        public IngestCommand next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int n = read.getAndIncrement();
            return IngestCommand.of(FaultPipeline.ORDERS, "k" + (n % 64), payload(n));
        }

        static byte[] payload(int n) {
            return ("{\"order_id\":\"o-" + n + "\",\"amount\":" + n + "}").getBytes(UTF_8);
        }
    }
}
