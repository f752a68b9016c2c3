package io.streamlake.it.fault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.it.support.KafkaClusters;
import io.streamlake.kafka.provision.ProvisioningResult;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.test.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One broker of three stops in the middle of a 100,000-event run and comes back later. Topics have replication
 * factor 3 and {@code min.insync.replicas=2}, so with acks=all and idempotence every event is still acknowledged
 * (or, if the platform gave up, reported as failed), nothing acknowledged is lost, nothing is written twice and
 * every key keeps its order. The counts go to stdout (surefire's report file) and into every assertion message.
 */
class BrokerFailoverTest {

    static final int EVENTS = 100_000;
    static final int KEYS = 64;
    /** Pace of the producer thread, so the stop and the restart both happen while events flow (~25 s in all). */
    static final int EVENTS_PER_SECOND = 4_000;

    static final int STOPPED_BROKER = 1;
    private static final Pattern PAYLOAD = Pattern.compile("\\{\"order_id\":\"(key-\\d+)\",\"amount\":(\\d+)}");

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void givenOneOfThreeBrokersStoppedAndRestartedMidRun_thenNothingLostNothingDuplicatedOrderPerKeyKept()
            throws Exception {
        try (EmbeddedKafkaCluster cluster = KafkaClusters.threeNode()) {
            KafkaEndpoint kafka = KafkaEndpoint.of(cluster.bootstrapServers());
            Map<String, String> adapter = Map.of(
                    KafkaAdapterConfig.TOPICS_PARTITIONS_CONFIG,
                    "6",
                    KafkaAdapterConfig.TOPICS_REPLICATION_FACTOR_CONFIG,
                    "3",
                    KafkaAdapterConfig.TOPICS_MIN_INSYNC_REPLICAS_CONFIG,
                    "2",
                    // failover: a request to a broker that went away is retried soon; the event gets a minute
                    KafkaAdapterConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    "60000",
                    KafkaAdapterConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    "5000",
                    KafkaAdapterConfig.PASSTHROUGH_PREFIX + "max.block.ms",
                    "20000",
                    KafkaAdapterConfig.PASSTHROUGH_PREFIX + "retry.backoff.max.ms",
                    "500");
            try (FaultPipeline pipeline = FaultPipeline.start(kafka, FaultPipeline.json(), adapter)) {
                ProvisioningResult topics = pipeline.provision(FaultPipeline.ORDERS);
                assertThat(topics.raw().replicationFactor()).isEqualTo(3);
                assertThat(topics.raw().configs()).containsEntry("min.insync.replicas", "2");

                Run run = new Run();
                ExecutorService producerThread = Executors.newSingleThreadExecutor();
                Future<BatchSummary> summary;
                try {
                    summary = producerThread.submit(
                            () -> pipeline.ingestAll(new PacedEvents(EVENTS_PER_SECOND), run::record));
                    awaitCount(run.acknowledged::get, EVENTS * 30L / 100, summary);
                    long stopAt = run.acknowledged.get();
                    cluster.stopBroker(STOPPED_BROKER);
                    System.out.printf(
                            "broker %d stopped after %d acknowledged (%d when the stop began)%n",
                            STOPPED_BROKER, run.acknowledged.get(), stopAt);
                    awaitCount(run.acknowledged::get, EVENTS * 70L / 100, summary);
                    long restartAt = run.acknowledged.get();
                    cluster.restartBroker(STOPPED_BROKER);
                    System.out.printf(
                            "broker %d restarted after %d acknowledged (%d when the restart began)%n",
                            STOPPED_BROKER, run.acknowledged.get(), restartAt);
                    summary.get(3, TimeUnit.MINUTES);
                } finally {
                    producerThread.shutdownNow();
                }
                BatchSummary counts = summary.get();
                List<ConsumerRecord<byte[], byte[]>> raw = kafka.consumeAll(
                        pipeline.raw(FaultPipeline.ORDERS), (int) counts.published(), Duration.ofSeconds(60));
                Check check = Check.of(raw, run);
                String report = String.format(
                        "inputs=%d published=%d failed=%d deadLettered=%d readBack=%d lost=%d "
                                + "duplicateIngestionIds=%d outOfOrder=%d unparsable=%d failedIds(first 20)=%s firstFailureReasons=%s",
                        EVENTS,
                        counts.published(),
                        counts.failed(),
                        counts.deadLettered(),
                        raw.size(),
                        check.lost,
                        check.duplicates,
                        check.outOfOrder,
                        check.unparsable,
                        run.failedIds.stream().limit(20).toList(),
                        run.failureReasons);
                System.out.println("BrokerFailoverTest: " + report);

                assertThat(counts.published() + counts.failed()).as(report).isEqualTo(EVENTS);
                assertThat(counts.deadLettered()).as(report).isZero();
                assertThat(run.acknowledged.get()).as(report).isEqualTo(EVENTS);
                assertThat(run.failedIds).as(report).hasSize((int) counts.failed());
                assertThat(run.publishedIds).as(report).hasSize((int) counts.published());
                assertThat(check.lost).as(report).isZero();
                assertThat(check.duplicates).as(report).isZero();
                assertThat(check.outOfOrder).as(report).isZero();
                assertThat(check.unparsable).as(report).isZero();
                assertThat(raw.size()).as(report).isGreaterThanOrEqualTo((int) counts.published());
            }
        }
    }

    /** Waits until {@code count} reaches {@code target}, or fails when the run ended (or took too long) first. */
    private static void awaitCount(LongSupplier count, long target, Future<?> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (count.getAsLong() < target) {
            if (run.isDone()) {
                run.get();
                throw new AssertionError("the run ended before " + target + " events were acknowledged");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count.getAsLong() + " of " + target + " acknowledged after 2 min");
            }
            Thread.sleep(20);
        }
    }

    /** Collects outcomes, from the producer's I/O thread and the adapter's failure thread. */
    static final class Run {
        final AtomicLong acknowledged = new AtomicLong();
        final Set<String> publishedIds = ConcurrentHashMap.newKeySet();
        final List<String> failedIds = Collections.synchronizedList(new ArrayList<>());
        final List<String> failureReasons = Collections.synchronizedList(new ArrayList<>());

        void record(IngestionResult result) {
            if (result instanceof IngestionResult.Published published) {
                publishedIds.add(published.ref().ingestionId());
            } else if (result instanceof IngestionResult.Failed failed) {
                failedIds.add(failed.ref().ingestionId());
                if (failureReasons.size() < 5) {
                    failureReasons.add(failed.reason());
                }
            }
            acknowledged.incrementAndGet();
        }
    }

    /** {@code {"order_id":"key-<k>","amount":<n>}}: key k round-robin, n the key's sequence number 0, 1, 2, ... */
    static final class PacedEvents implements Iterator<IngestCommand> {
        private final long nanosPerEvent;
        private final long began = System.nanoTime();
        private int next;

        PacedEvents(int perSecond) {
            this.nanosPerEvent = TimeUnit.SECONDS.toNanos(1) / perSecond;
        }

        @Override
        public boolean hasNext() {
            return next < EVENTS;
        }

        @Override
        public IngestCommand next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (next % 200 == 0) {
                long wait = began + next * nanosPerEvent - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
            }
            String key = "key-" + (next % KEYS);
            int sequence = next / KEYS;
            next++;
            return IngestCommand.of(
                    FaultPipeline.ORDERS,
                    key,
                    ("{\"order_id\":\"" + key + "\",\"amount\":" + sequence + "}").getBytes(UTF_8));
        }
    }

    /** What RAW holds, compared with what was acknowledged. */
    static final class Check {
        long lost;
        long duplicates;
        long outOfOrder;
        long unparsable;

        static Check of(List<ConsumerRecord<byte[], byte[]>> records, Run run) {
            Check check = new Check();
            List<ConsumerRecord<byte[], byte[]>> sorted = new ArrayList<>(records);
            sorted.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            Set<String> seen = new HashSet<>();
            Map<String, Long> lastSequence = new HashMap<>();
            Map<String, Integer> partitionOfKey = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : sorted) {
                Header id = record.headers().lastHeader(HeaderNames.INGESTION_ID);
                if (id == null || !seen.add(new String(id.value(), UTF_8))) {
                    check.duplicates++;
                }
                Matcher m = PAYLOAD.matcher(new String(record.value(), UTF_8));
                String key = record.key() == null ? null : new String(record.key(), UTF_8);
                if (!m.matches() || !m.group(1).equals(key)) {
                    check.unparsable++;
                    continue;
                }
                if (partitionOfKey.computeIfAbsent(key, k -> record.partition()) != record.partition()) {
                    check.outOfOrder++;
                }
                long sequence = Long.parseLong(m.group(2));
                Long previous = lastSequence.put(key, sequence);
                if (previous != null && sequence <= previous) {
                    check.outOfOrder++;
                }
            }
            for (String published : run.publishedIds) {
                if (!seen.contains(published)) {
                    check.lost++;
                }
            }
            return check;
        }
    }
}
