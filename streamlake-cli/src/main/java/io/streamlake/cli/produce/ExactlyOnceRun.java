package io.streamlake.cli.produce;

import io.streamlake.cli.output.ExactlyOnceEnding;
import io.streamlake.cli.output.ProduceReport;
import io.streamlake.cli.output.Progress;
import io.streamlake.cli.output.RunEnding;
import io.streamlake.core.domain.CheckpointedSummary;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCheckpointedUseCase;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.runtime.ConsoleStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * One {@code produce --file} run with {@code delivery.guarantee=exactly-once}, from the checkpoint it starts at to its
 * summary. Lines go to an {@link IngestCheckpointedUseCase} that commits them in transactions, each with the file's
 * checkpoint; the report counts an outcome only once its transaction is committed. Nothing is written locally: no
 * re-run file and no {@code .streamlake/} resume point, since {@code --resume} continues from the checkpoint
 * committed last, and what was not committed is read again from there. It ends in one of three ways:
 *
 * <ul>
 *   <li>the file was read to its end, or a transaction was aborted (an event not acknowledged, a failed commit):
 *       exit 0, or 1 after an abort;
 *   <li>SIGINT or SIGTERM: reading stops, the open transaction is committed as usual, exit 130 or 143 (when that
 *       commit reached the file's end, the summary says so and asks for no {@code --resume});
 *   <li>a second signal, or {@code shutdown.timeout.ms} after the first: the summary is printed at once and the JVM
 *       halts with the transaction still open; Kafka aborts it when the next run of the file starts.
 * </ul>
 */
public final class ExactlyOnceRun {

    private final ProduceInput input;
    private final ProduceReport report;
    private final Progress progress;
    private final ConsoleStreams console;
    private final long shutdownTimeoutMs;
    private final String checkpointTopic;
    private final Optional<FileCheckpoint> start;
    private final Runnable printSummary;
    private final IntConsumer halt;
    private final AtomicInteger signals = new AtomicInteger();
    private final AtomicInteger signal = new AtomicInteger();
    private final AtomicBoolean ending = new AtomicBoolean();
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private volatile Thread shutdownTimer;

    /** The checkpoint handed out for the transaction being committed; it is committed once an outcome of it arrives. */
    private volatile FileCheckpoint pending;

    private volatile FileCheckpoint committed;
    private volatile long transactions;

    /**
     * @param start        the checkpoint the run starts from, empty when it starts at the file's first line
     * @param printSummary prints the summary from the report (called once)
     */
    public ExactlyOnceRun(
            ProduceInput input,
            ProduceReport report,
            Progress progress,
            ConsoleStreams console,
            long shutdownTimeoutMs,
            String checkpointTopic,
            Optional<FileCheckpoint> start,
            Runnable printSummary) {
        this(
                input,
                report,
                progress,
                console,
                shutdownTimeoutMs,
                checkpointTopic,
                start,
                printSummary,
                Runtime.getRuntime()::halt);
    }

    ExactlyOnceRun(
            ProduceInput input,
            ProduceReport report,
            Progress progress,
            ConsoleStreams console,
            long shutdownTimeoutMs,
            String checkpointTopic,
            Optional<FileCheckpoint> start,
            Runnable printSummary,
            IntConsumer halt) {
        this.input = input;
        this.report = report;
        this.progress = progress;
        this.console = console;
        this.shutdownTimeoutMs = shutdownTimeoutMs;
        this.checkpointTopic = checkpointTopic;
        this.start = start;
        this.printSummary = printSummary;
        this.halt = halt;
        this.committed = start.orElse(null);
    }

    /**
     * Runs {@code file}'s ingest over the input's lines with the signal handlers in place, then ends the run.
     *
     * @param commands turns the input's lines into commands
     * @return 0 the file committed to its end; 1 a transaction was aborted; 130 or 143 stopped by a signal
     */
    public int run(IngestCheckpointedUseCase file, Function<Iterator<byte[]>, Iterator<IngestCommand>> commands) {
        FileCheckpoint identity = checkpointAt(0, 0);
        try (Interrupts interrupts = new Interrupts(this::signal)) {
            CheckpointedSummary summary;
            try {
                summary = file.ingestAll(
                        commands.apply(lines()),
                        () -> pending = checkpointAt(identity, input.position().offset(), input.linesRead()),
                        this::committed);
            } catch (RuntimeException e) {
                try {
                    end(false, null, "the run failed: " + e.getMessage());
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                progress.finish();
            }
            return end(false, summary, null);
        }
    }

    private FileCheckpoint checkpointAt(long offset, long line) {
        FileIdentity id = input.identity().orElseThrow();
        return new FileCheckpoint(id.path().toString(), id.size(), id.blockLength(), id.blockSha256(), offset, line);
    }

    /** {@code identity} at {@code offset}, with the bytes before it as the file holds them now. */
    private static FileCheckpoint checkpointAt(FileCheckpoint identity, long offset, long line) {
        try {
            FileIdentity.Tail tail = FileIdentity.Tail.of(Path.of(identity.path()), offset);
            return identity.at(offset, line, tail.sha256(), tail.endsWithNewline());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + identity.path() + ": " + e.getMessage(), e);
        }
    }

    /** An outcome of a committed transaction, on the reading thread. */
    private void committed(IngestionResult result) {
        FileCheckpoint now = pending;
        if (now != committed) {
            committed = now;
            transactions++;
        }
        report.accept(result);
    }

    private Iterator<byte[]> lines() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public byte[] next() {
                return input.next(line -> progress.sent());
            }
        };
    }

    void signal(int code) {
        signal.compareAndSet(0, code);
        if (signals.getAndIncrement() == 0) {
            input.stop();
            console.err()
                    .printf(
                            "%n%s: reading stopped; committing the open transaction (waiting up to %d ms, "
                                    + "shutdown.timeout.ms); signal again to stop now%n",
                            name(code), shutdownTimeoutMs);
            console.err().flush();
            Thread timer = ShutdownTimer.create(shutdownTimeoutMs, () -> stopNow("shutdown.timeout.ms elapsed"));
            shutdownTimer = timer;
            timer.start();
        } else {
            stopNow("a second signal");
        }
    }

    private void stopNow(String why) {
        int code = 1;
        try {
            input.freeze();
            code = end(true, null, why);
        } finally {
            console.out().flush();
            console.err().flush();
            halt.accept(code);
        }
    }

    /** Ends the run once; a second caller waits for the first and gets its exit code. */
    private int end(boolean now, CheckpointedSummary summary, String why) {
        if (!ending.compareAndSet(false, true)) {
            return ended.join();
        }
        try {
            int code = endOnce(now, summary, why);
            ended.complete(code);
            return code;
        } catch (RuntimeException | Error e) {
            ended.completeExceptionally(e);
            throw e;
        }
    }

    private int endOnce(boolean now, CheckpointedSummary summary, String why) {
        Thread timer = shutdownTimer;
        if (timer != null && timer != Thread.currentThread()) {
            timer.interrupt();
        }
        progress.finish();
        if (now) {
            console.err().printf("stopping now (%s): the open transaction is left uncommitted%n", why);
        }
        int signalCode = signal.get();
        boolean signalled = signalCode != 0 || now;
        boolean aborted = summary != null && summary.abortedBecause().isPresent();
        boolean failed = summary == null && !now;
        ProduceInput.Position position = input.position();
        boolean stopped = signalled || aborted || failed;
        Optional<String> stoppedBy = signalled
                ? Optional.of(name(signalCode == 0 ? 143 : signalCode))
                : aborted ? Optional.of("an aborted transaction") : failed ? Optional.of(why) : Optional.empty();
        report.finish();
        Optional<Long> notRead = stopped ? input.linesFrom(position.offset()) : Optional.of(0L);
        report.ending(new RunEnding(
                input.byteOrderMarkSkipped(), stoppedBy, input.linesRead(), notRead, 0, Optional.empty()));
        FileCheckpoint last = committed;
        // a signal that came after the last line was read still lets the final commit reach the file's end
        boolean complete = !stopped
                || (!now
                        && !aborted
                        && !failed
                        && last != null
                        && last.offset() == position.offset()
                        && notRead.orElse(-1L) == 0);
        report.exactlyOnce(new ExactlyOnceEnding(
                checkpointTopic,
                transactions,
                Optional.ofNullable(last),
                summary == null ? 0 : summary.aborted(),
                summary == null ? Optional.empty() : summary.abortedBecause(),
                now,
                complete));
        printSummary.run();
        if (signalled) {
            return signalCode == 0 ? 143 : signalCode;
        }
        return aborted || failed ? 1 : 0;
    }

    private static String name(int code) {
        return code == 130 ? "SIGINT" : "SIGTERM";
    }
}
