package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The outage breaker's state machine on a fake clock and a fake probe, the channel failing sends at once while it
 * is open (a {@link MockProducer} that never completes stands in for a cluster that does not answer), and the channel
 * waking a send that waits inside the producer when it opens. Nothing here claims delivery.
 */
class OutageBreakerTest {

    private static final long FAIL_AFTER_MS = 3_000;
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger probes = new AtomicInteger();
    private volatile CompletableFuture<Void> nextProbe = new CompletableFuture<>();

    private final OutageBreaker breaker = new OutageBreaker(
            FAIL_AFTER_MS,
            "b1:9092,b2:9092",
            () -> {
                probes.incrementAndGet();
                return nextProbe;
            },
            nanos::get,
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return START.plusNanos(nanos.get() - 1_000_000_000L);
                }
            });

    private void advanceMs(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
        breaker.tick();
    }

    @Test
    void givenRecordsOutstandingAndNoAnswerForFailAfter_thenItOpensAndFailsSendsNamingSinceAndServers() {
        breaker.sent();
        breaker.tick(); // the record is seen outstanding at START

        advanceMs(FAIL_AFTER_MS - 1);
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.failure("t")).isNull();

        advanceMs(1);
        assertThat(breaker.isOpen()).isTrue();
        PlatformUnavailableException failure = breaker.failure("streamlake.orders.raw");
        assertThat(failure.isRetriable()).isTrue();
        assertThat(failure.since()).isEqualTo(START);
        assertThat(failure)
                .hasMessageContaining(
                        "cluster unreachable since 2026-12-04T10:00:00Z, bootstrap servers b1:9092,b2:9092")
                .hasMessageContaining("outage.fail.after.ms")
                .hasMessageContaining("streamlake.orders.raw");
    }

    @Test
    void givenAcknowledgementsKeepComing_thenItStaysClosed() {
        for (int i = 0; i < 20; i++) {
            breaker.sent();
            breaker.sent();
            advanceMs(FAIL_AFTER_MS / 2);
            breaker.finished(true);
        }
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void givenNothingOutstanding_thenSilenceDoesNotOpenIt() {
        breaker.sent();
        breaker.finished(true);
        advanceMs(10 * FAIL_AFTER_MS);
        assertThat(breaker.isOpen()).isFalse();
        assertThat(probes).hasValue(0);
    }

    @Test
    void givenFailuresWithoutAnAnswer_thenTheyDoNotCountAsOneAndItOpens() {
        breaker.sent();
        breaker.sent();
        breaker.tick();
        breaker.finished(false); // e.g. a delivery time-out: no broker answered
        advanceMs(FAIL_AFTER_MS);
        assertThat(breaker.isOpen()).isTrue();
    }

    @Test
    void givenSilenceForHalfFailAfter_thenItProbesAndAnAnswerKeepsItClosed() {
        breaker.sent();
        breaker.tick();
        advanceMs(FAIL_AFTER_MS / 2);
        assertThat(probes).hasValue(1);

        nextProbe.complete(null);
        advanceMs(FAIL_AFTER_MS - 1);
        assertThat(breaker.isOpen())
                .as("the probe's answer restarted the silence")
                .isFalse();
    }

    @Test
    void givenOpen_thenItProbesUntilOneAnswersAndThenCloses() {
        breaker.sent();
        breaker.tick();
        nextProbe.completeExceptionally(new RuntimeException("no answer")); // the probe at half the silence
        advanceMs(FAIL_AFTER_MS);
        assertThat(breaker.isOpen()).isTrue();
        int before = probes.get();

        nextProbe = new CompletableFuture<>();
        nextProbe.completeExceptionally(new RuntimeException("no answer"));
        advanceMs(1_000);
        assertThat(probes.get()).isGreaterThan(before);
        assertThat(breaker.isOpen()).isTrue();

        nextProbe = new CompletableFuture<>();
        advanceMs(1_000);
        assertThat(breaker.isOpen()).as("the probe has not answered yet").isTrue();
        nextProbe.complete(null); // a broker answered: closes at once
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.failure("t")).isNull();
        assertThat(breaker.lastOpening("t"))
                .as("what a send woken by that opening reports, though it closed since")
                .hasMessageContaining("cluster unreachable since 2026-12-04T10:00:00Z")
                .hasMessageContaining("not sent to t");
    }

    @Test
    void givenTheBreakerOpen_thenTheChannelFailsSendsAtOnceWithoutReachingTheProducer() throws Exception {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaEventPublisher publisher = publisherOn(producer);

        CompletableFuture<?> first = publisher.publish(event());
        breaker.tick();
        advanceMs(FAIL_AFTER_MS);
        assertThat(breaker.isOpen()).isTrue();

        long t0 = System.nanoTime();
        Throwable error = publisher.publish(event()).handle((r, e) -> e).get(1, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(error)
                .isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining(
                        "cluster unreachable since 2026-12-04T10:00:00Z, bootstrap servers b1:9092,b2:9092");
        assertThat(producer.history()).as("records that reached the producer").hasSize(1);
        assertThat(first).isNotDone();
    }

    @Test
    void givenASendWaitingInsideTheProducerWhenItOpens_thenTheSendFailsAtOnceAndTheThreadIsNotLeftInterrupted()
            throws Exception {
        Waiting producer = new Waiting();
        KafkaEventPublisher publisher = publisherOn(producer);
        Caller caller = Caller.publishing(publisher, false);
        CompletableFuture<Throwable> error = caller.error;
        CompletableFuture<Boolean> leftInterrupted = caller.interruptedAfter;
        assertThat(producer.waiting.await(5, TimeUnit.SECONDS)).isTrue();
        breaker.tick();

        advanceMs(FAIL_AFTER_MS);

        assertThat(breaker.isOpen()).isTrue();
        assertThat(error.get(5, TimeUnit.SECONDS))
                .isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("cluster unreachable since 2026-12-04T10:00:00Z");
        assertThat(leftInterrupted.get(5, TimeUnit.SECONDS)).isFalse();
        caller.thread.join(5_000);
    }

    @Test
    void givenACallerAlreadyInterrupted_thenItsInterruptIsKeptAndTheSendFailsAsTheProducerSays() throws Exception {
        Waiting producer = new Waiting();
        KafkaEventPublisher publisher = publisherOn(producer);
        Caller caller = Caller.publishing(publisher, true);
        CompletableFuture<Throwable> error = caller.error;
        CompletableFuture<Boolean> stillInterrupted = caller.interruptedAfter;

        assertThat(stillInterrupted.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(error.get(5, TimeUnit.SECONDS)).isNotInstanceOf(PlatformUnavailableException.class);
        assertThat(breaker.isOpen()).isFalse();
        caller.thread.join(5_000);
    }

    /**
     * A thread that publishes one event (interrupted first when asked): the event's failure, and whether the thread
     * was interrupted right after {@code publish} returned.
     */
    private record Caller(
            Thread thread, CompletableFuture<Throwable> error, CompletableFuture<Boolean> interruptedAfter) {
        static Caller publishing(KafkaEventPublisher publisher, boolean interruptFirst) {
            CompletableFuture<Throwable> error = new CompletableFuture<>();
            CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                if (interruptFirst) {
                    Thread.currentThread().interrupt();
                }
                publisher.publish(event()).whenComplete((r, e) -> error.complete(e));
                interruptedAfter.complete(Thread.currentThread().isInterrupted());
            });
            thread.start();
            return new Caller(thread, error, interruptedAfter);
        }
    }

    /** A publisher on {@code producer} behind the breaker, for a cluster at {@code b1:9092,b2:9092}. */
    private KafkaEventPublisher publisherOn(Producer<byte[], byte[]> producer) {
        KafkaAdapterConfig config = new KafkaAdapterConfig(Map.of("bootstrap.servers", "b1:9092,b2:9092"));
        ProducerChannel channel = new ProducerChannel(producer, breaker, 1, config.maxBlockMs());
        return new KafkaEventPublisher(channel, KafkaRecords.of(config.headersStyle(), 1024), KafkaFailures.of(config));
    }

    @Test
    void givenACallerInterruptedBeforeItsSendIsWoken_thenItIsStillInterruptedAfterwards() throws Exception {
        Spinning producer = new Spinning();
        KafkaEventPublisher publisher = publisherOn(producer);
        Caller caller = Caller.publishing(publisher, true);
        CompletableFuture<Throwable> error = caller.error;
        CompletableFuture<Boolean> stillInterrupted = caller.interruptedAfter;
        assertThat(producer.inside.await(5, TimeUnit.SECONDS)).isTrue();
        breaker.tick();
        advanceMs(FAIL_AFTER_MS); // opens: wakes the send, which does not wait interruptibly
        producer.release.countDown();

        assertThat(stillInterrupted.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(producer.history()).as("appended records").hasSize(1);
        assertThat(error)
                .as("no failure for an appended record: its callback reports it")
                .isNotDone();
        caller.thread.join(5_000);
    }

    @Test
    void givenAnErrorThrownInsideTheProducer_thenTheThreadLeftTheCallAndALaterOpeningDoesNotInterruptIt()
            throws Exception {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(
                            ProducerRecord<byte[], byte[]> record, Callback callback) {
                        throw new StackOverflowError("thrown inside send");
                    }
                };
        KafkaEventPublisher publisher = publisherOn(producer);
        CountDownLatch errorSeen = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> interruptedWhileIdle = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                publisher.publish(event());
            } catch (StackOverflowError expected) {
                errorSeen.countDown();
            }
            try {
                interruptedWhileIdle.complete(!release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                interruptedWhileIdle.complete(true);
            }
        });
        caller.start();
        assertThat(errorSeen.await(5, TimeUnit.SECONDS)).isTrue();
        breaker.tick();
        advanceMs(FAIL_AFTER_MS); // the failed send is still outstanding for the breaker: it opens
        assertThat(breaker.isOpen()).isTrue();
        release.countDown();

        assertThat(interruptedWhileIdle.get(15, TimeUnit.SECONDS)).isFalse();
        caller.join(5_000);
    }

    /**
     * A producer whose send does not return until released and does not notice interrupts while it waits (as
     * {@code KafkaProducer.send} appending a record), then appends the record as the mock does.
     */
    private static final class Spinning extends MockProducer<byte[], byte[]> {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Spinning() {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            inside.countDown();
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
            return super.send(record, callback);
        }
    }

    /**
     * A producer whose every send waits, as {@code KafkaProducer.send} waits for metadata or buffer memory: until
     * interrupted, then it throws {@link InterruptException} (which interrupts the thread again, as Kafka's does).
     */
    private static final class Waiting extends MockProducer<byte[], byte[]> {
        final CountDownLatch waiting = new CountDownLatch(1);

        Waiting() {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            waiting.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                throw new InterruptException(e);
            }
            throw new IllegalStateException("not woken within a minute");
        }
    }

    private static OutboundEvent event() {
        return new OutboundEvent(
                "streamlake.orders.raw",
                "k",
                new SerializedPayload("{}".getBytes(UTF_8), "application/json"),
                Fixtures.metadata());
    }
}
