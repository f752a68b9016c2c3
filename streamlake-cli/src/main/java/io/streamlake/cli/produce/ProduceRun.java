package io.streamlake.cli.produce;

import io.streamlake.cli.output.ProduceReport;
import io.streamlake.cli.output.Progress;
import io.streamlake.cli.output.RunEnding;
import io.streamlake.runtime.ConsoleStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One {@code produce} run over stdin or a file, from its first line to its summary. It reads the lines, and it ends
 * the run exactly once, in one of three ways:
 *
 * <ul>
 *   <li>the input was read to its end (or reading failed), or the stream stopped reading because the cluster was
 *       unreachable (the outage breaker), and every outcome arrived: the main thread ends it, with exit 1 when any
 *       event was not acknowledged;
 *   <li>SIGINT or SIGTERM: reading stops, the outcomes in flight are awaited as usual, and the main thread ends it
 *       with exit 130 or 143;
 *   <li>a second signal, or {@code shutdown.timeout.ms} after the first: the signal or timer thread ends it at once,
 *       writes the events still in flight to the re-run file as outcome unknown, and halts the JVM.
 * </ul>
 *
 * <p>Ending writes the re-run material: the lines not acknowledged, and for a file its {@link ResumePoint} (or
 * deletes it when the whole file was acknowledged), then prints the summary.
 */
public final class ProduceRun {

    private final ProduceInput input;
    private final ProduceReport report;
    private final Progress progress;
    private final ConsoleStreams console;
    private final long shutdownTimeoutMs;
    private final Runnable printSummary;
    private final IntConsumer halt;
    private final AtomicInteger signals = new AtomicInteger();
    /** The first signal's exit code (130 or 143), set before any signal is acted on; 0 without a signal. */
    private final AtomicInteger signal = new AtomicInteger();

    private volatile Thread shutdownTimer;
    private final AtomicBoolean ending = new AtomicBoolean();
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();

    /**
     * @param printSummary prints the summary from the report (called once, after {@link ProduceReport#ending})
     */
    public ProduceRun(
            ProduceInput input,
            ProduceReport report,
            Progress progress,
            ConsoleStreams console,
            long shutdownTimeoutMs,
            Runnable printSummary) {
        this(input, report, progress, console, shutdownTimeoutMs, printSummary, Runtime.getRuntime()::halt);
    }

    /** @param halt ends the JVM at once with the given exit code, after a run stopped without waiting */
    ProduceRun(
            ProduceInput input,
            ProduceReport report,
            Progress progress,
            ConsoleStreams console,
            long shutdownTimeoutMs,
            Runnable printSummary,
            IntConsumer halt) {
        this.halt = halt;
        this.input = input;
        this.report = report;
        this.progress = progress;
        this.console = console;
        this.shutdownTimeoutMs = shutdownTimeoutMs;
        this.printSummary = printSummary;
    }

    /**
     * Runs {@code ingest} over the input's lines with the signal handlers in place, then ends the run.
     *
     * @return the exit code: 0 every line acknowledged, 1 some not, 130 or 143 stopped by a signal
     */
    public int run(Consumer<Iterator<byte[]>> ingest) {
        try (Interrupts interrupts = new Interrupts(this::signal)) {
            try {
                ingest.accept(lines());
            } catch (RuntimeException e) {
                // reading or ingesting failed: still write the re-run material and the summary, then report it
                try {
                    end(false);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                progress.finish();
            }
            return end(false);
        }
    }

    private Iterator<byte[]> lines() {
        Consumer<byte[]> sent = line -> {
            report.sent(line, input.lastSource());
            progress.sent();
        };
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public byte[] next() {
                return input.next(sent);
            }
        };
    }

    /** SIGINT (130) or SIGTERM (143) received: the first stops reading, any later one stops now. */
    void signal(int code) {
        signal.compareAndSet(0, code);
        if (signals.getAndIncrement() == 0) {
            firstSignal(code);
        } else {
            stopNow("a second signal");
        }
    }

    private void firstSignal(int code) {
        input.stop();
        console.err()
                .printf(
                        "%n%s: reading stopped; waiting up to %d ms (shutdown.timeout.ms) for %d events in flight; "
                                + "signal again to stop now%n",
                        name(code), shutdownTimeoutMs, report.inFlightCount());
        console.err().flush();
        Thread timer = ShutdownTimer.create(shutdownTimeoutMs, () -> stopNow("shutdown.timeout.ms elapsed"));
        shutdownTimer = timer;
        timer.start();
    }

    private void stopNow(String why) {
        input.stop();
        int code = 1;
        try {
            code = end(true, why);
        } finally {
            console.out().flush();
            console.err().flush();
            halt.accept(code);
        }
    }

    private int end(boolean now) {
        return end(now, null);
    }

    /**
     * Ends the run once. A thread that comes second waits for the first to finish ending it and gets its exit code,
     * so the main thread never exits the JVM while a signal's thread is still writing the summary.
     */
    private int end(boolean now, String why) {
        if (!ending.compareAndSet(false, true)) {
            return ended.join();
        }
        try {
            int code = endOnce(now, why);
            ended.complete(code);
            return code;
        } catch (RuntimeException | Error e) {
            ended.completeExceptionally(e);
            throw e;
        }
    }

    private int endOnce(boolean now, String why) {
        Thread timer = shutdownTimer;
        if (timer != null && timer != Thread.currentThread()) {
            timer.interrupt();
        }
        progress.finish();
        if (why != null) {
            console.err().printf("stopping now (%s): events in flight have an unknown outcome%n", why);
        }
        ProduceInput.Position position = now ? input.freeze() : input.position();
        long unknown = 0;
        if (now) {
            for (byte[] line : report.freezeInFlight()) {
                report.rerun(line);
                unknown++;
            }
        }
        input.copyUnreadPriorLines(position, report::rerun);
        report.finish();
        int signalCode = signal.get();
        boolean signalled = signalCode != 0 || now;
        // the outage breaker ended the stream before the input's end: like a signal, the rest is not read
        String outage = signalled ? null : report.stoppedBecause();
        boolean stopped = signalled || outage != null;
        Optional<Long> notRead = stopped ? input.linesFrom(position.offset()) : Optional.of(0L);
        Optional<Path> resumePoint = Optional.empty();
        if (input.file().isPresent()) {
            Path file = input.file().get();
            boolean whole = !stopped && unknown == 0 && report.failedFile() == null;
            if (whole) {
                ResumePoint.delete(file);
            } else {
                try {
                    new ResumePoint(
                                    input.identity().orElseThrow(),
                                    position.offset(),
                                    Optional.ofNullable(report.failedFile()))
                            .write();
                    resumePoint = Optional.of(ResumePoint.location(file));
                } catch (UncheckedIOException e) {
                    console.err().printf("resume point not written: %s%n", e.getMessage());
                }
            }
            input.priorRerun().ifPresent(ProduceRun::deleteConsumed);
        }
        report.ending(new RunEnding(
                input.byteOrderMarkSkipped(),
                signalled
                        ? Optional.of(name(signalCode == 0 ? 143 : signalCode))
                        : Optional.ofNullable(outage).map(reason -> "an unreachable cluster: " + reason),
                input.linesRead(),
                notRead,
                unknown,
                resumePoint));
        printSummary.run();
        if (signalled) {
            return signalCode == 0 ? 143 : signalCode;
        }
        return report.failed() == 0 ? 0 : 1;
    }

    private static String name(int code) {
        return code == 130 ? "SIGINT" : "SIGTERM";
    }

    /** A resumed run's input re-run file: its lines were sent again or copied to this run's re-run file. */
    private static void deleteConsumed(Path priorRerun) {
        try {
            Files.deleteIfExists(priorRerun);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + priorRerun + ": " + e.getMessage(), e);
        }
    }
}
