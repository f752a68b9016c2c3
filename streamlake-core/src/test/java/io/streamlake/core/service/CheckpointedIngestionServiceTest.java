package io.streamlake.core.service;

import static io.streamlake.core.service.Pipeline.ORDERS;
import static io.streamlake.core.service.Pipeline.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.CheckpointedSummary;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.testing.CountingMetrics;
import io.streamlake.core.testing.InMemoryPayloadSerializer;
import io.streamlake.core.testing.InMemoryTransactionalOutput;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.core.testing.SequentialIdGenerator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CheckpointedIngestionServiceTest {

    private final Pipeline p = new Pipeline();
    private final InMemoryTransactionalOutput output = new InMemoryTransactionalOutput();
    private final FileCheckpoint start = new FileCheckpoint("/data/orders.jsonl", 1000, 64, "ab", 0, 0);
    private final CountingMetrics metrics = new CountingMetrics();

    private CheckpointedIngestionService service(int maxEvents, long maxMs, AtomicLong clock) {
        CommittedMetrics committed = new CommittedMetrics(metrics);
        IngestionService staged = new IngestionService(
                IngestionSettings.defaults(),
                new KeyValuePayloadParser(),
                p.validator,
                new InMemoryPayloadSerializer(),
                output.publisher(),
                output.deadLetters(),
                new SequentialIdGenerator(),
                Clock.fixed(Pipeline.NOW, ZoneOffset.UTC),
                committed);
        return new CheckpointedIngestionService(staged, output, maxEvents, maxMs, 4, committed, clock::get);
    }

    /** Line i (1-based) is "order_id=i;amount=1;currency=X", or "broken" when i is a multiple of 4; each line 10 bytes. */
    private final class Lines implements Iterator<IngestCommand> {
        private final int count;
        int taken;

        Lines(int count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return taken < count;
        }

        @Override
        public IngestCommand next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            taken++;
            String payload = taken % 4 == 0 ? "broken" : "order_id=" + taken + ";amount=1;currency=X";
            return IngestCommand.of(ORDERS, "k" + taken, bytes(payload));
        }

        FileCheckpoint position() {
            return start.at(taken * 10L, taken);
        }
    }

    @Test
    void givenTenLinesAndChunksOfFour_thenThreeTransactionsEachWithTheCheckpointAfterItsLastLine() {
        Lines lines = new Lines(10);
        List<IngestionResult> seen = new ArrayList<>();

        CheckpointedSummary summary = service(4, 60_000, new AtomicLong()).ingestAll(lines, lines::position, seen::add);

        assertThat(summary.transactions()).isEqualTo(3);
        assertThat(output.checkpoints()).extracting(FileCheckpoint::line).containsExactly(4L, 8L, 10L);
        assertThat(output.checkpoints()).extracting(FileCheckpoint::offset).containsExactly(40L, 80L, 100L);
        assertThat(summary.committed().published()).isEqualTo(8);
        assertThat(summary.committed().deadLettered()).isEqualTo(2);
        assertThat(output.committedEvents()).hasSize(8);
        assertThat(output.committedDeadLetters()).hasSize(2);
        assertThat(seen).hasSize(10);
        assertThat(summary.aborted()).isZero();
        assertThat(summary.abortedBecause()).isEmpty();
        assertThat(summary.lastCheckpoint()).contains(start.at(100, 10));
        assertThat(metrics.published()).isEqualTo(8);
    }

    @Test
    void givenAChunkOlderThanMaxMs_thenItCommitsAtTheNextLine() {
        AtomicLong nanos = new AtomicLong();
        Lines lines = new Lines(5);
        Iterator<IngestCommand> slow = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public IngestCommand next() {
                nanos.addAndGet(400_000_000L); // each line takes 400 ms to come
                return lines.next();
            }
        };

        CheckpointedSummary summary = service(1000, 1000, nanos).ingestAll(slow, lines::position, r -> {});

        // the first chunk began at 0 ms; line 3 is read at 1,200 ms: commit; the next began at 1,200 ms, the input
        // ends at line 5 (2,000 ms)
        assertThat(output.checkpoints()).extracting(FileCheckpoint::line).containsExactly(3L, 5L);
        assertThat(summary.transactions()).isEqualTo(2);
    }

    @Test
    void givenAnEventNotAcknowledged_thenItsChunkIsAbortedAndReadingStopsAtItsEnd() {
        output.failWith(e -> e.key().equals("k6") ? new RetriableStreamLakeException("broker gone") : null);
        Lines lines = new Lines(12);
        List<IngestionResult> seen = new ArrayList<>();

        CheckpointedSummary summary = service(4, 60_000, new AtomicLong()).ingestAll(lines, lines::position, seen::add);

        assertThat(output.checkpoints()).extracting(FileCheckpoint::line).containsExactly(4L);
        assertThat(output.committedEvents()).hasSize(3);
        assertThat(output.aborts()).isEqualTo(1);
        assertThat(summary.aborted()).isEqualTo(2); // lines 5 and 6: reading stopped at the failure
        assertThat(summary.abortedBecause())
                .hasValueSatisfying(r -> assertThat(r).contains("k6").contains("broker gone"));
        assertThat(seen).hasSize(4);
        assertThat(lines.taken).isEqualTo(6);
        assertThat(metrics.published())
                .as("line 5 was acknowledged in the aborted chunk: not counted")
                .isEqualTo(3);
        assertThat(metrics.failed()).as("a failure is counted when it happens").isEqualTo(1);
    }

    @Test
    void givenACommitRefused_thenTheChunkIsAbortedAndNoOutcomeOfItIsReported() {
        output.refuseCommit(c -> c.line() == 8);
        Lines lines = new Lines(10);
        List<IngestionResult> seen = new ArrayList<>();

        CheckpointedSummary summary = service(4, 60_000, new AtomicLong()).ingestAll(lines, lines::position, seen::add);

        assertThat(output.checkpoints()).extracting(FileCheckpoint::line).containsExactly(4L);
        assertThat(seen).hasSize(4);
        assertThat(summary.aborted()).isEqualTo(4);
        assertThat(summary.abortedBecause())
                .hasValueSatisfying(r -> assertThat(r).contains("could not be committed"));
        assertThat(summary.lastCheckpoint()).contains(start.at(40, 4));
        assertThat(metrics.published())
                .as("the metrics count what the summary counts: the committed chunk's three")
                .isEqualTo(3);
    }

    @Test
    void givenTheIteratorFails_thenTheOpenChunkIsAbortedAndTheErrorRethrown() {
        Lines lines = new Lines(3);
        Iterator<IngestCommand> failing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public IngestCommand next() {
                if (!lines.hasNext()) {
                    throw new IllegalStateException("disk gone");
                }
                return lines.next();
            }
        };

        assertThatThrownBy(() -> service(10, 60_000, new AtomicLong()).ingestAll(failing, lines::position, r -> {}))
                .hasMessage("disk gone");
        assertThat(output.checkpoints()).isEmpty();
        assertThat(output.committedEvents()).isEmpty();
        assertThat(output.aborts()).isEqualTo(1);
    }

    @Test
    void givenAnEmptyInput_thenNoTransaction() {
        Lines lines = new Lines(0);

        CheckpointedSummary summary = service(4, 60_000, new AtomicLong()).ingestAll(lines, lines::position, r -> {});

        assertThat(summary.transactions()).isZero();
        assertThat(output.checkpoints()).isEmpty();
        assertThat(output.aborts()).isZero();
    }
}
