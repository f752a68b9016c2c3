package io.streamlake.core.service;

import static io.streamlake.core.service.Pipeline.ORDERS;
import static io.streamlake.core.service.Pipeline.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.in.IngestCommand;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamIngestionServiceTest {

    private final Pipeline p = new Pipeline();
    private final ExecutorService acks = Executors.newFixedThreadPool(2);
    private final AtomicInteger flushes = new AtomicInteger();

    @AfterEach
    void stop() {
        acks.shutdownNow();
    }

    private StreamIngestionService stream(int maxInFlight) {
        return new StreamIngestionService(p.service, maxInFlight, () -> {
            flushes.incrementAndGet();
            p.publisher.flush();
            p.deadLetters.flush();
        });
    }

    @Test
    void givenMixedStream_thenCountsPerOutcomeAndStageAndOneResultEach() {
        List<IngestCommand> commands = List.of(
                IngestCommand.of(ORDERS, "a", bytes("order_id=1;amount=2;currency=X")),
                IngestCommand.of(ORDERS, "b", bytes("broken")),
                IngestCommand.of(ORDERS, "c", bytes("order_id=1")),
                IngestCommand.of(ORDERS, null, bytes("order_id=1;amount=2;currency=X")),
                IngestCommand.of(ORDERS, "e", bytes("order_id=2;amount=3;currency=Y")));
        Queue<IngestionResult> seen = new ConcurrentLinkedQueue<>();

        BatchSummary summary = stream(2).ingestAll(commands.iterator(), seen::add);

        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.deadLettered()).isEqualTo(3);
        assertThat(summary.deadLetteredByStage())
                .containsEntry(DlqStage.PARSE, 1L)
                .containsEntry(DlqStage.VALIDATE, 2L);
        assertThat(summary.failed()).isZero();
        assertThat(seen).hasSize(5);
        assertThat(flushes).hasValue(1);
    }

    @Test
    void givenSlowAcknowledgements_thenNeverMoreThanMaxInFlightTakenFromTheIteratorAndUnresolved() {
        p.publisher.acknowledgeOn(task -> acks.execute(() -> {
            sleep(1);
            task.run();
        }));
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger resolved = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Iterator<IngestCommand> counted = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 300;
            }

            @Override
            public IngestCommand next() {
                int n = i++;
                peak.accumulateAndGet(taken.incrementAndGet() - resolved.get(), Math::max);
                return IngestCommand.of(ORDERS, "k" + n, bytes("order_id=" + n + ";amount=1;currency=X"));
            }
        };

        stream(4).ingestAll(counted, r -> resolved.incrementAndGet());

        assertThat(peak.get()).isBetween(2, 4);
    }

    @Test
    void givenSlowAcknowledgements_thenNeverMoreThanMaxInFlightOutstanding() {
        p.publisher.acknowledgeOn(task -> acks.execute(() -> {
            sleep(1);
            task.run();
        }));
        Iterator<IngestCommand> many = IntStream.range(0, 300)
                .mapToObj(i -> IngestCommand.of(ORDERS, "k" + i, bytes("order_id=" + i + ";amount=1;currency=X")))
                .iterator();

        BatchSummary summary = stream(4).ingestAll(many, r -> {});

        assertThat(summary.published()).isEqualTo(300);
        assertThat(p.publisher.peakOutstanding()).isBetween(2, 4);
    }

    @Test
    void givenOutage_thenFailuresAreCountedAndReportedNotDropped() {
        p.publisher.failWith(e -> e.key().startsWith("x") ? new RetriableStreamLakeException("timed out") : null);
        Queue<IngestionResult> failed = new ConcurrentLinkedQueue<>();
        Iterator<IngestCommand> input = List.of(
                        IngestCommand.of(ORDERS, "x1", bytes("order_id=1;amount=2;currency=X")),
                        IngestCommand.of(ORDERS, "ok", bytes("order_id=1;amount=2;currency=X")),
                        IngestCommand.of(ORDERS, "x2", bytes("order_id=1;amount=2;currency=X")))
                .iterator();

        BatchSummary summary = stream(8).ingestAll(input, r -> {
            if (r instanceof IngestionResult.Failed) {
                failed.add(r);
            }
        });

        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.allAcknowledged()).isFalse();
        assertThat(failed).extracting(r -> r.ref().key()).containsExactlyInAnyOrder("x1", "x2");
    }

    @Test
    void givenPlatformUnavailable_thenReadingStopsAndTheRestIsLeftInTheIterator() {
        p.publisher.failWith(e -> e.key().startsWith("down")
                ? new PlatformUnavailableException("cluster unreachable since T", Instant.EPOCH)
                : null);
        Iterator<IngestCommand> input = List.of(
                        IngestCommand.of(ORDERS, "ok1", bytes("order_id=1;amount=2;currency=X")),
                        IngestCommand.of(ORDERS, "down1", bytes("order_id=2;amount=2;currency=X")),
                        IngestCommand.of(ORDERS, "ok2", bytes("order_id=3;amount=2;currency=X")),
                        IngestCommand.of(ORDERS, "ok3", bytes("order_id=4;amount=2;currency=X")))
                .iterator();

        BatchSummary summary = stream(1).ingestAll(input, r -> {});

        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(input.hasNext()).isTrue();
        assertThat(input.next().key()).isEqualTo("ok2");
    }

    @Test
    void givenInputThatBreaksMidway_thenInFlightEventsFinishAndErrorIsRethrown() {
        Iterator<IngestCommand> breaking = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public IngestCommand next() {
                if (n++ == 3) {
                    throw new IllegalStateException("disk gone");
                }
                return IngestCommand.of(ORDERS, "k", bytes("order_id=1;amount=2;currency=X"));
            }
        };
        assertThatThrownBy(() -> stream(8).ingestAll(breaking, r -> {})).hasMessage("disk gone");
        assertThat(p.publisher.all()).hasSize(3);
        assertThat(flushes).hasValue(1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
