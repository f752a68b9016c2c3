package io.streamlake.core.service;

import static io.streamlake.core.service.Pipeline.NOW;
import static io.streamlake.core.service.Pipeline.ORDERS;
import static io.streamlake.core.service.Pipeline.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.PreparedEvent;
import io.streamlake.core.port.in.StagedIngestUseCase;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.testing.InMemoryDeadLetterPort;
import io.streamlake.core.testing.InMemoryEventPublisher;
import io.streamlake.core.testing.InMemoryPayloadSerializer;
import io.streamlake.core.testing.InMemoryPayloadValidator;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.core.testing.SequentialIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link StreamIngestionService} with preparation on worker threads: same outcomes, input order kept, bounded. */
class PipelinedStreamIngestionTest {

    private final List<String> dispatched = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> preparingThreads = ConcurrentHashMap.newKeySet();
    private final InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    private final InMemoryDeadLetterPort deadLetters = new InMemoryDeadLetterPort();
    private final ExecutorService acks = Executors.newFixedThreadPool(2);
    private final AtomicInteger flushes = new AtomicInteger();

    @AfterEach
    void stop() {
        acks.shutdownNow();
    }

    /** A parser that takes a varying time (up to ~0.3 ms for one event in three), so preparations finish out of order. */
    private final PayloadParser unevenParser = raw -> {
        preparingThreads.add(Thread.currentThread().getName());
        int h = java.util.Arrays.hashCode(raw);
        if (Math.floorMod(h, 3) == 0) {
            LockSupport.parkNanos(Math.floorMod(h, 300_000));
        }
        return new KeyValuePayloadParser().parse(raw);
    };

    private IngestionService service(PayloadParser parser) {
        EventPublisher recordingPublisher = new EventPublisher() {
            @Override
            public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
                dispatched.add("raw:" + event.key());
                return publisher.publish(event);
            }

            @Override
            public void flush() {
                publisher.flush();
            }

            @Override
            public void close() {
                publisher.close();
            }
        };
        DeadLetterPort recordingDeadLetters = new DeadLetterPort() {
            @Override
            public CompletableFuture<PublishReceipt> deadLetter(DeadLetter letter) {
                dispatched.add("dlq:" + letter.key());
                return deadLetters.deadLetter(letter);
            }

            @Override
            public void flush() {
                deadLetters.flush();
            }

            @Override
            public void close() {
                deadLetters.close();
            }
        };
        InMemoryPayloadValidator validator =
                new InMemoryPayloadValidator().require(ORDERS, SchemaVersion.of(1), "order_id", "amount");
        return new IngestionService(
                IngestionSettings.defaults(),
                parser,
                validator,
                new InMemoryPayloadSerializer(),
                recordingPublisher,
                recordingDeadLetters,
                new SequentialIdGenerator(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * A team's own use case over the real one, with only the two abstract stages: the callback {@code dispatch} is the
     * interface's default unless a test overrides it. Each test changes the stage it is about.
     */
    private static class Custom implements StagedIngestUseCase {
        private final IngestionService real;

        Custom(IngestionService real) {
            this.real = real;
        }

        @Override
        public PreparedEvent prepare(IngestCommand command) {
            return real.prepare(command);
        }

        @Override
        public CompletableFuture<IngestionResult> dispatch(PreparedEvent event) {
            return real.dispatch(event);
        }
    }

    private StreamIngestionService stream(StagedIngestUseCase staged, int maxInFlight, int threads) {
        return new StreamIngestionService(staged, maxInFlight, threads, () -> {
            flushes.incrementAndGet();
            publisher.flush();
            deadLetters.flush();
        });
    }

    /** Event i: good, or (every 10th) a schema violation, or (every 13th) malformed. Key k<i>. */
    private static List<IngestCommand> mixed(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> IngestCommand.of(
                        ORDERS,
                        "k" + i,
                        bytes(
                                i % 13 == 0
                                        ? "broken-" + i
                                        : i % 10 == 0 ? "order_id=" + i : "order_id=" + i + ";amount=" + i)))
                .toList();
    }

    private static List<String> expectedOrder(List<IngestCommand> commands) {
        return commands.stream()
                .map(c -> {
                    int i = Integer.parseInt(c.key().substring(1));
                    return (i % 13 == 0 || i % 10 == 0 ? "dlq:" : "raw:") + c.key();
                })
                .toList();
    }

    @Test
    void givenPreparationsFinishingOutOfOrder_thenEventsReachTheTransportInInputOrder() {
        List<IngestCommand> commands = mixed(3_000);

        BatchSummary summary = stream(service(unevenParser), 500, 4).ingestAll(commands.iterator(), r -> {});

        assertThat(dispatched).containsExactlyElementsOf(expectedOrder(commands));
        assertThat(summary.published() + summary.deadLettered()).isEqualTo(3_000);
        assertThat(preparingThreads).hasSizeGreaterThan(1).allMatch(name -> name.startsWith("streamlake-prepare-"));
        assertThat(flushes).hasValue(1);
    }

    @Test
    void givenSameInput_thenPipelinedAndOneByOneGiveTheSameOutcomesAndRecords() {
        List<IngestCommand> commands = mixed(1_000);
        List<IngestionResult> pipelinedResults = Collections.synchronizedList(new ArrayList<>());
        BatchSummary pipelined =
                stream(service(unevenParser), 64, 3).ingestAll(commands.iterator(), pipelinedResults::add);
        List<String> pipelinedOrder = List.copyOf(dispatched);
        List<String> pipelinedRecords = describe(publisher.all());

        dispatched.clear();
        PipelinedStreamIngestionTest other = new PipelinedStreamIngestionTest();
        BatchSummary oneByOne =
                other.stream(other.service(new KeyValuePayloadParser()), 64, 0).ingestAll(commands.iterator(), r -> {});

        assertThat(pipelined).isEqualTo(oneByOne);
        assertThat(pipelinedOrder).isEqualTo(other.dispatched);
        assertThat(pipelinedRecords).isEqualTo(describe(other.publisher.all()));
        assertThat(pipelinedResults).hasSize(1_000);
        assertThat(other.preparingThreads).isEmpty();
        other.stop();
    }

    /** A record without its ingestion id (ids are drawn in preparation order, which threads make vary). */
    private static List<String> describe(List<OutboundEvent> records) {
        return records.stream()
                .map(e -> e.topic() + "|" + e.key() + "|"
                        + new String(e.value().bytes(), java.nio.charset.StandardCharsets.UTF_8) + "|"
                        + e.value().contentType() + "|" + e.metadata().schemaVersion()
                        + "|" + e.metadata().eventTime())
                .toList();
    }

    @Test
    void givenSlowAcknowledgements_thenNeverMoreThanMaxInFlightReadAndUnacknowledged() {
        publisher.acknowledgeOn(task -> acks.execute(() -> {
            LockSupport.parkNanos(200_000);
            task.run();
        }));
        Iterator<IngestCommand> many = IntStream.range(0, 400)
                .mapToObj(i -> IngestCommand.of(ORDERS, "k" + i, bytes("order_id=" + i + ";amount=1")))
                .iterator();

        BatchSummary summary =
                stream(service(new KeyValuePayloadParser()), 8, 3).ingestAll(many, r -> {});

        assertThat(summary.published()).isEqualTo(400);
        assertThat(publisher.peakOutstanding()).isBetween(2, 8);
    }

    @Test
    void givenStagedUseCase_thenTheStreamTakesEachOutcomeFromTheCallbackNotFromAFuturePerEvent() {
        IngestionService real = service(new KeyValuePayloadParser());
        AtomicInteger futures = new AtomicInteger();
        StagedIngestUseCase counting = new Custom(real) {
            @Override
            public CompletableFuture<IngestionResult> dispatch(PreparedEvent event) {
                futures.incrementAndGet();
                return super.dispatch(event);
            }

            @Override
            public void dispatch(PreparedEvent event, Consumer<IngestionResult> onOutcome) {
                real.dispatch(event, onOutcome);
            }
        };
        List<IngestCommand> commands = mixed(500);
        for (int threads : new int[] {0, 2}) {
            List<IngestionResult> results = Collections.synchronizedList(new ArrayList<>());

            BatchSummary summary = stream(counting, 64, threads).ingestAll(commands.iterator(), results::add);

            assertThat(results).as("threads=%d", threads).hasSize(commands.size());
            assertThat(futures).as("dispatches through a future").hasValue(0);
            assertThat(summary.total()).isEqualTo(commands.size());
            assertThat(summary.deadLettered())
                    .isEqualTo(expectedOrder(commands).stream()
                            .filter(e -> e.startsWith("dlq:"))
                            .count());
        }
    }

    @Test
    void givenUseCaseWhoseFutureFailsAgainstItsContract_thenThoseEventsCountAsFailedAndTheStreamEnds() {
        IngestionService real = service(new KeyValuePayloadParser());
        AtomicInteger dispatches = new AtomicInteger();
        StagedIngestUseCase breaking = new Custom(real) {
            @Override
            public CompletableFuture<IngestionResult> dispatch(PreparedEvent event) {
                return dispatches.incrementAndGet() % 7 == 0
                        ? CompletableFuture.failedFuture(new IllegalStateException("bug in a custom use case"))
                        : super.dispatch(event);
            }
        };
        List<IngestCommand> commands = IntStream.range(0, 700)
                .mapToObj(i -> IngestCommand.of(ORDERS, "k" + i, bytes("order_id=" + i + ";amount=1")))
                .toList();
        for (int threads : new int[] {0, 2}) {
            dispatches.set(0);

            // a lost outcome would keep its in-flight slot and leave the stream waiting for ever
            BatchSummary summary = assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> stream(breaking, 16, threads).ingestAll(commands.iterator(), r -> {}));

            assertThat(summary.failed()).as("threads=%d", threads).isEqualTo(100);
            assertThat(summary.published()).isEqualTo(600);
        }
    }

    @Test
    void givenUseCaseThatThrowsWhilePreparing_thenStreamStopsAndRethrowsAfterEarlierEventsAreDispatched() {
        IngestionService real = service(new KeyValuePayloadParser());
        StagedIngestUseCase throwing = new Custom(real) {
            @Override
            public PreparedEvent prepare(IngestCommand command) {
                if (command.key().equals("k50")) {
                    throw new IllegalStateException("bug in a custom use case");
                }
                return super.prepare(command);
            }
        };
        Iterator<IngestCommand> endless = IntStream.iterate(0, i -> i + 1)
                .mapToObj(i -> IngestCommand.of(ORDERS, "k" + i, bytes("order_id=" + i + ";amount=1")))
                .iterator();

        assertThatThrownBy(() -> stream(throwing, 16, 2).ingestAll(endless, r -> {}))
                .hasMessage("bug in a custom use case");
        assertThat(dispatched.subList(0, 50))
                .containsExactlyElementsOf(
                        IntStream.range(0, 50).mapToObj(i -> "raw:k" + i).toList());
        assertThat(dispatched).doesNotContain("raw:k50");
        assertThat(flushes).hasValue(1);
    }

    @Test
    void givenInputThatBreaksMidway_thenEventsReadBeforeAreDispatchedAndErrorIsRethrown() {
        Iterator<IngestCommand> breaking = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public IngestCommand next() {
                if (n == 5) {
                    throw new IllegalStateException("disk gone");
                }
                return IngestCommand.of(ORDERS, "k" + n++, bytes("order_id=1;amount=2"));
            }
        };

        assertThatThrownBy(() -> stream(service(unevenParser), 8, 2).ingestAll(breaking, r -> {}))
                .hasMessage("disk gone");
        assertThat(dispatched).containsExactly("raw:k0", "raw:k1", "raw:k2", "raw:k3", "raw:k4");
        assertThat(flushes).hasValue(1);
    }

    @Test
    void givenPlatformUnavailable_thenReadingStopsAndTheRestIsLeftInTheIterator() {
        publisher.failWith(e -> e.key().equals("k20")
                ? new PlatformUnavailableException("cluster unreachable since T", Instant.EPOCH)
                : null);
        Iterator<IngestCommand> input = IntStream.range(0, 1_000)
                .mapToObj(i -> IngestCommand.of(ORDERS, "k" + i, bytes("order_id=" + i + ";amount=1")))
                .iterator();

        BatchSummary summary = stream(service(unevenParser), 8, 2).ingestAll(input, r -> {});

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.total())
                .as("read: at most the window after the failed one")
                .isBetween(21L, 21L + 8);
        assertThat(input.hasNext()).isTrue();
        assertThat(input.next().key()).isEqualTo("k" + summary.total());
    }

    @Test
    void givenNegativeThreadCount_thenRefused() {
        assertThatThrownBy(() -> stream(service(new KeyValuePayloadParser()), 8, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prepareThreads");
    }
}
