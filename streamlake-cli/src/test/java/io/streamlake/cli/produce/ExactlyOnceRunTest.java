package io.streamlake.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.cli.output.ExactlyOnceEnding;
import io.streamlake.cli.output.ProduceReport;
import io.streamlake.cli.output.Progress;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.service.CheckpointedIngestionService;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.testing.InMemoryPayloadSerializer;
import io.streamlake.core.testing.InMemoryPayloadValidator;
import io.streamlake.core.testing.InMemoryTransactionalOutput;
import io.streamlake.core.testing.KeyValuePayloadParser;
import io.streamlake.runtime.ConsoleStreams;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exactly-once run over the core's checkpointed service and an in-memory transactional output: it counts only
 * committed outcomes and ends with exit 0 at the file's end, 1 after an aborted transaction, 143 after SIGTERM (the
 * open transaction committed first), or halts with the transaction open on a second signal.
 */
class ExactlyOnceRunTest {

    private static final DatasetName ORDERS = DatasetName.of("orders");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final ConsoleStreams console =
            new ConsoleStreams(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false);
    private final AtomicInteger halted = new AtomicInteger(-1);
    private final AtomicInteger summaries = new AtomicInteger();
    private final InMemoryTransactionalOutput output = new InMemoryTransactionalOutput();

    /** Line i (1-based) is "id=i", 5 bytes for i < 10, then 6. */
    private ProduceInput input(int lines) throws IOException {
        Path file = Files.writeString(
                dir.resolve("orders.jsonl"),
                IntStream.rangeClosed(1, lines).mapToObj(i -> "id=" + i).collect(Collectors.joining("\n", "", "\n")));
        return ProduceInput.fileAt("orders.jsonl", file, 0);
    }

    private CheckpointedIngestionService file() {
        IngestionService staged = new IngestionService(
                IngestionSettings.defaults(),
                new KeyValuePayloadParser(),
                new InMemoryPayloadValidator().require(ORDERS, SchemaVersion.of(1), "id"),
                new InMemoryPayloadSerializer(),
                output.publisher(),
                output.deadLetters(),
                IdGenerator.randomUuids(),
                Clock.systemUTC());
        return new CheckpointedIngestionService(staged, output, 4, 60_000, 8);
    }

    private ExactlyOnceRun run(ProduceInput input, ProduceReport report) {
        return new ExactlyOnceRun(
                input,
                report,
                new Progress(console, report, 60_000),
                console,
                60_000,
                "streamlake.checkpoints",
                Optional.empty(),
                summaries::incrementAndGet,
                halted::set);
    }

    /** The commands of the lines; after {@code signalAfter} of them, {@code signal} runs once. */
    private static Iterator<IngestCommand> commands(Iterator<byte[]> lines, int signalAfter, Runnable signal) {
        return new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                if (n == signalAfter) {
                    n++;
                    signal.run();
                }
                return lines.hasNext();
            }

            @Override
            public IngestCommand next() {
                n++;
                byte[] line = lines.next();
                return IngestCommand.of(ORDERS, "k" + n, line);
            }
        };
    }

    @Test
    void givenTheWholeFile_thenExit0AndTheCheckpointIsItsEnd() throws Exception {
        try (ProduceInput input = input(30);
                ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"))) {
            int code = run(input, report).run(file(), lines -> commands(lines, -1, () -> {}));

            assertThat(code).isZero();
            ExactlyOnceEnding end = report.exactlyOnce().orElseThrow();
            assertThat(end.complete()).isTrue();
            assertThat(end.transactions()).isEqualTo(8);
            assertThat(end.checkpoint().map(FileCheckpoint::line)).contains(30L);
            assertThat(end.checkpoint().map(FileCheckpoint::offset)).contains(Files.size(dir.resolve("orders.jsonl")));
            assertThat(report.published()).isEqualTo(30);
            assertThat(output.committedEvents()).hasSize(30);
            assertThat(dir.resolve("rerun.jsonl")).doesNotExist();
            assertThat(dir.resolve(".streamlake")).doesNotExist();
        }
    }

    @Test
    void givenSigterm_thenTheOpenTransactionIsCommittedAndTheRunExits143() throws Exception {
        try (ProduceInput input = input(30);
                ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"))) {
            ExactlyOnceRun run = run(input, report);

            int code = run.run(file(), lines -> commands(lines, 10, () -> run.signal(143)));

            assertThat(code).isEqualTo(143);
            assertThat(halted).hasValue(-1);
            assertThat(err.toString()).contains("SIGTERM: reading stopped; committing the open transaction");
            ExactlyOnceEnding end = report.exactlyOnce().orElseThrow();
            assertThat(end.checkpoint().map(FileCheckpoint::line)).contains(10L);
            assertThat(end.leftOpen()).isFalse();
            assertThat(end.complete()).isFalse();
            assertThat(end.resumesAtLine()).isEqualTo(11);
            assertThat(report.ending().notRead()).contains(20L);
            assertThat(report.ending().stoppedBy()).contains("SIGTERM");
            assertThat(output.committedEvents()).hasSize(10);
            assertThat(summaries).hasValue(1);
        }
    }

    @Test
    void givenSigtermAfterTheLastLineWasRead_thenTheFinalCommitCompletesTheFileAndNoResumeIsAskedFor()
            throws Exception {
        try (ProduceInput input = input(30);
                ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"))) {
            ExactlyOnceRun run = run(input, report);

            int code = run.run(file(), lines -> commands(lines, 30, () -> run.signal(143)));

            assertThat(code).isEqualTo(143);
            ExactlyOnceEnding end = report.exactlyOnce().orElseThrow();
            assertThat(end.checkpoint().map(FileCheckpoint::line)).contains(30L);
            assertThat(end.complete()).as("the file was committed to its end").isTrue();
            assertThat(report.ending().notRead()).contains(0L);
            assertThat(output.committedEvents()).hasSize(30);
        }
    }

    @Test
    void givenASecondSignal_thenTheJvmHaltsWith143AndTheSummaryNamesTheLastCommittedCheckpoint() throws Exception {
        try (ProduceInput input = input(30);
                ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"))) {
            ExactlyOnceRun run = run(input, report);

            int code = run.run(
                    file(),
                    lines -> commands(lines, 10, () -> {
                        run.signal(143);
                        run.signal(143);
                    }));

            assertThat(halted).hasValue(143);
            assertThat(code).isEqualTo(143);
            assertThat(err.toString())
                    .contains("stopping now (a second signal): the open transaction is left uncommitted");
            ExactlyOnceEnding end = report.exactlyOnce().orElseThrow();
            assertThat(end.leftOpen()).isTrue();
            assertThat(end.checkpoint().map(FileCheckpoint::line)).contains(8L);
            assertThat(end.transactions()).isEqualTo(2);
            assertThat(summaries).hasValue(1);
        }
    }

    @Test
    void givenAnEventNotAcknowledged_thenItsTransactionIsAbortedAndTheRunExits1() throws Exception {
        output.failWith(e -> "k14".equals(e.key()) ? new RetriableStreamLakeException("broker gone") : null);
        try (ProduceInput input = input(30);
                ProduceReport report = new ProduceReport(dir.resolve("rerun.jsonl"))) {
            int code = run(input, report).run(file(), lines -> commands(lines, -1, () -> {}));

            assertThat(code).isEqualTo(1);
            ExactlyOnceEnding end = report.exactlyOnce().orElseThrow();
            assertThat(end.checkpoint().map(FileCheckpoint::line)).contains(12L);
            assertThat(end.aborted()).isEqualTo(2);
            assertThat(end.abortedBecause())
                    .hasValueSatisfying(r -> assertThat(r).contains("k14").contains("broker gone"));
            assertThat(report.ending().stoppedBy()).contains("an aborted transaction");
            assertThat(report.ending().notRead()).contains(16L);
            assertThat(report.published()).isEqualTo(12);
            assertThat(report.failed()).isZero();
            assertThat(dir.resolve("rerun.jsonl")).doesNotExist();
        }
    }
}
