package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the ports map events to records and client outcomes to futures. A MockProducer stands in for the
 * broker: these tests claim nothing about delivery (the integration tests do, on a real broker).
 */
class KafkaPortsMappingTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final KafkaAdapter adapter = KafkaAdapter.forProducer(
            new KafkaAdapterConfig(Map.of("bootstrap.servers", "b1:9092")), TopicNaming.defaults(), 4, producer);

    @AfterEach
    void close() {
        if (!producer.closed()) {
            adapter.close();
        }
    }

    private static OutboundEvent event(String key, EventMetadata metadata) {
        return new OutboundEvent(
                "streamlake.orders.raw",
                key,
                new SerializedPayload("{\"n\":1}".getBytes(UTF_8), "application/json"),
                metadata);
    }

    @Test
    void givenEvent_thenOneRecordWithUtf8KeyEventTimeAndHeaders_andFutureOpenUntilAcknowledged() throws Exception {
        CompletableFuture<PublishReceipt> future =
                adapter.eventPublisher().publish(event("clé-1", Fixtures.metadata()));

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("streamlake.orders.raw");
        assertThat(record.key()).isEqualTo("clé-1".getBytes(UTF_8));
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isEqualTo(Fixtures.EVENT_TIME.toEpochMilli());
        assertThat(Fixtures.pairs(record.headers())).contains(Map.entry("ingestion_id", "id-1"));
        assertThat(future).isNotDone();

        producer.completeNext();

        PublishReceipt receipt = future.get(5, TimeUnit.SECONDS);
        assertThat(receipt.topic()).isEqualTo("streamlake.orders.raw");
        assertThat(receipt.offset()).isZero();
    }

    @Test
    void givenNullKey_thenNullRecordKey() {
        adapter.eventPublisher().publish(event(null, Fixtures.metadata()));

        assertThat(producer.history().get(0).key()).isNull();
    }

    @Test
    void givenRecordTooLargeInCallback_thenRejectedPayload() {
        CompletableFuture<PublishReceipt> future = adapter.eventPublisher().publish(event("k", Fixtures.metadata()));

        producer.errorNext(new RecordTooLargeException("too large"));

        assertThat(causeOf(future)).isInstanceOf(RejectedPayloadException.class);
    }

    @Test
    void givenTimeoutInCallback_thenRetriableNamingBootstrap() {
        CompletableFuture<PublishReceipt> future = adapter.eventPublisher().publish(event("k", Fixtures.metadata()));

        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThat(causeOf(future))
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessageContaining("b1:9092");
    }

    @Test
    void givenSendThrows_thenFailedFutureNotException() {
        producer.sendException = new RecordTooLargeException("checked client-side");

        CompletableFuture<PublishReceipt> future = adapter.eventPublisher().publish(event("k", Fixtures.metadata()));

        assertThat(causeOf(future)).isInstanceOf(RejectedPayloadException.class);
    }

    @Test
    void givenProducerClosed_thenFailedFatalFuture() {
        producer.close();

        CompletableFuture<PublishReceipt> future = adapter.eventPublisher().publish(event("k", Fixtures.metadata()));

        assertThat(causeOf(future)).isInstanceOf(FatalStreamLakeException.class);
    }

    @Test
    void givenEventTimeBefore1970_thenRejectedAsInvalidTimestamp() {
        EventMetadata m = Fixtures.metadata();
        EventMetadata old = new EventMetadata(
                m.dataset(),
                m.schemaVersion(),
                m.ingestionId(),
                Instant.parse("1969-12-31T23:59:59Z"),
                m.producerService(),
                Map.of());

        Throwable cause = causeOf(adapter.eventPublisher().publish(event("k", old)));

        assertThat(cause).isInstanceOf(RejectedPayloadException.class);
        assertThat(((RejectedPayloadException) cause).errorClass()).isEqualTo("InvalidTimestamp");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void givenDeadLetter_thenDlqTopicKeyFailureTimeAndEncodedValue() {
        byte[] payload = "abcdefgh".getBytes(UTF_8);

        adapter.deadLetterPort().deadLetter(Fixtures.deadLetter(payload));

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("streamlake.orders.dlq");
        assertThat(record.key()).isEqualTo("k-1".getBytes(UTF_8));
        assertThat(record.timestamp()).isEqualTo(Fixtures.FAILED_AT.toEpochMilli());
        assertThat(record.value()).isEqualTo(DeadLetterValue.encode(Fixtures.deadLetter(payload), 4));
        assertThat(new String(record.value(), UTF_8)).contains("\"payload_truncated\":true");
        assertThat(Fixtures.pairs(record.headers())).contains(Map.entry("dlq_stage", "validate"));
    }

    @Test
    void givenDeadLetterWithItsOwnTopic_thenThatTopic() {
        var dl = Fixtures.deadLetter(new byte[] {1});
        var elsewhere = new io.streamlake.core.domain.DeadLetter(
                dl.key(),
                dl.originalPayload(),
                dl.metadata(),
                dl.stage(),
                dl.reason(),
                dl.errorClass(),
                dl.failedAt(),
                dl.originalTopic(),
                "team-a.orders.dead");

        adapter.deadLetterPort().deadLetter(elsewhere);

        assertThat(producer.history().get(0).topic()).isEqualTo("team-a.orders.dead");
    }

    @Test
    void givenDeadLetterTooLarge_thenFatalNotRejected() {
        CompletableFuture<PublishReceipt> future =
                adapter.deadLetterPort().deadLetter(Fixtures.deadLetter(new byte[] {1}));

        producer.errorNext(new RecordTooLargeException("too large"));

        Throwable cause = causeOf(future);
        assertThat(cause).isInstanceOf(FatalStreamLakeException.class);
        assertThat(((FatalStreamLakeException) cause).isRetriable()).isFalse();
    }

    @Test
    void givenPendingRecords_thenFlushReturnsWithEveryFutureComplete() {
        CompletableFuture<PublishReceipt> a = adapter.eventPublisher().publish(event("a", Fixtures.metadata()));
        CompletableFuture<PublishReceipt> b = adapter.deadLetterPort().deadLetter(Fixtures.deadLetter(new byte[] {1}));

        adapter.eventPublisher().flush();

        assertThat(a).isCompleted();
        assertThat(b).isCompleted();
    }

    @Test
    void givenClosedPublisher_thenFailedFutureAndProducerOpenUntilDeadLetterPortCloses() {
        adapter.eventPublisher().close();

        assertThat(causeOf(adapter.eventPublisher().publish(event("a", Fixtures.metadata()))))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("closed");
        assertThat(producer.closed()).isFalse();
        adapter.deadLetterPort().close();
        assertThat(producer.closed()).isTrue();
        assertThatCode(adapter::close).doesNotThrowAnyException();
    }

    @Test
    void givenEventPublishedWithCallback_thenCalledOnceWithTheReceiptWhenAcknowledgedAndNotBefore() throws Exception {
        Outcome outcome = new Outcome();

        adapter.eventPublisher().publish(event("k", Fixtures.metadata()), outcome);

        assertThat(outcome.calls.get()).isZero();
        producer.completeNext();
        outcome.await();
        assertThat(outcome.receipt.topic()).isEqualTo("streamlake.orders.raw");
        assertThat(outcome.receipt.offset()).isZero();
        assertThat(outcome.error).isNull();
        producer.flush();
        assertThat(outcome.calls.get()).isOne();
    }

    @Test
    void givenTimeoutInCallback_thenCallbackCalledOnceWithRetriableNamingBootstrap() throws Exception {
        Outcome outcome = new Outcome();

        adapter.eventPublisher().publish(event("k", Fixtures.metadata()), outcome);
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        outcome.await();
        assertThat(outcome.error)
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessageContaining("b1:9092");
        assertThat(outcome.receipt).isNull();
        assertThat(outcome.thread)
                .as("failures are reported off the producer's thread (a dead letter may follow)")
                .isEqualTo("streamlake-kafka-failures");
        adapter.eventPublisher().flush();
        assertThat(outcome.calls.get()).isOne();
    }

    @Test
    void givenSendThrowsOrEventUnfitOrPublisherClosed_thenCallbackCalledOnceWithTheErrorAndNothingThrown()
            throws Exception {
        producer.sendException = new RecordTooLargeException("checked client-side");
        Outcome thrown = new Outcome();
        adapter.eventPublisher().publish(event("k", Fixtures.metadata()), thrown);
        producer.sendException = null;
        EventMetadata m = Fixtures.metadata();
        Outcome unfit = new Outcome();
        adapter.eventPublisher()
                .publish(
                        event(
                                "k",
                                new EventMetadata(
                                        m.dataset(),
                                        m.schemaVersion(),
                                        m.ingestionId(),
                                        Instant.parse("1969-12-31T23:59:59Z"),
                                        m.producerService(),
                                        Map.of())),
                        unfit);
        adapter.eventPublisher().close();
        Outcome closed = new Outcome();
        adapter.eventPublisher().publish(event("k", Fixtures.metadata()), closed);

        thrown.await();
        assertThat(thrown.error).isInstanceOf(RejectedPayloadException.class);
        assertThat(unfit.error).isInstanceOf(RejectedPayloadException.class);
        assertThat(closed.error).isInstanceOf(FatalStreamLakeException.class).hasMessageContaining("closed");
        adapter.deadLetterPort().flush();
        assertThat(List.of(thrown, unfit, closed))
                .allSatisfy(o -> assertThat(o.calls.get()).isOne());
    }

    @Test
    void givenSendThatQueuesTheRecordAndThenThrows_thenCallbackCalledOnceNotAgainWhenTheBatchIsAborted()
            throws Exception {
        // kafka-clients appends the record, then a producer in an error state may throw while adding the
        // partition to its transaction state; the aborted batch calls back later
        MockProducer<byte[], byte[]> throwingAfterAppend =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(
                            ProducerRecord<byte[], byte[]> record, Callback callback) {
                        super.send(record, callback);
                        throw new IllegalStateException("cannot add partition: the producer is in an error state");
                    }
                };
        KafkaAdapter failing = KafkaAdapter.forProducer(
                new KafkaAdapterConfig(Map.of("bootstrap.servers", "b1:9092")),
                TopicNaming.defaults(),
                IngestionSettings.DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT,
                throwingAfterAppend);
        Outcome outcome = new Outcome();

        failing.eventPublisher().publish(event("k", Fixtures.metadata()), outcome);
        outcome.await();
        throwingAfterAppend.errorNext(new TimeoutException("aborted"));
        failing.close();

        assertThat(outcome.error).hasMessageContaining("error state");
        assertThat(outcome.calls.get()).as("calls to onDone").isOne();
    }

    /** Records what a publish callback was called with, and how often. */
    private static final class Outcome implements BiConsumer<PublishReceipt, Throwable> {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        volatile PublishReceipt receipt;
        volatile Throwable error;
        volatile String thread;

        @Override
        public void accept(PublishReceipt receipt, Throwable error) {
            this.receipt = receipt;
            this.error = error;
            this.thread = Thread.currentThread().getName();
            calls.incrementAndGet();
            done.countDown();
        }

        void await() throws InterruptedException {
            assertThat(done.await(5, TimeUnit.SECONDS))
                    .as("called back within 5 s")
                    .isTrue();
        }
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected the future to fail, it succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("future did not fail in time", e);
        }
    }
}
