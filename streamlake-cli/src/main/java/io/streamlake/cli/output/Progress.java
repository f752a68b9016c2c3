package io.streamlake.cli.output;

import io.streamlake.runtime.ConsoleStreams;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on stderr. On a terminal: one line redrawn at most a few times a second as events are read. Otherwise
 * (CI logs, cron): every {@code intervalMillis} one line of its own, from a timer thread so that it appears even
 * while reading is blocked — read, published, dead-lettered, failed, and the rate acknowledged since the last line.
 */
public final class Progress {

    private static final long EVERY_NANOS = 250_000_000L;

    private final ConsoleStreams console;
    private final ProduceReport report;
    private final AtomicLong read = new AtomicLong();
    private final ScheduledExecutorService timer;
    private long lastDrawn = System.nanoTime();
    private boolean drawn;
    private boolean finished;
    private long lastDone;
    private long lastLineNanos = System.nanoTime();

    /**
     * @param intervalMillis how often a line is printed when stderr is not a terminal
     */
    public Progress(ConsoleStreams console, ProduceReport report, long intervalMillis) {
        this.console = console;
        this.report = report;
        if (console.interactive()) {
            timer = null;
        } else {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "streamlake-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::line, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Counts one more event read; called on the reading thread. */
    public void sent() {
        long n = read.incrementAndGet();
        if (console.interactive() && System.nanoTime() - lastDrawn > EVERY_NANOS) {
            lastDrawn = System.nanoTime();
            console.err().printf("\r%,d read, %,d acknowledged…", n, report.done());
            console.err().flush();
            drawn = true;
        }
    }

    public long read() {
        return read.get();
    }

    private synchronized void line() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        long done = report.done();
        double seconds = Math.max(now - lastLineNanos, 1) / 1e9;
        long rate = Math.round((done - lastDone) / seconds);
        lastDone = done;
        lastLineNanos = now;
        console.err()
                .printf(
                        "progress: %d read, %d published, %d dead-lettered, %d failed, %d events/s%n",
                        read.get(), report.published(), report.deadLettered(), report.failed(), rate);
        console.err().flush();
    }

    /** Stops the timer and clears the terminal line; idempotent. */
    public synchronized void finish() {
        finished = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (drawn) {
            console.err().print("\r\033[K");
            console.err().flush();
            drawn = false;
        }
    }
}
