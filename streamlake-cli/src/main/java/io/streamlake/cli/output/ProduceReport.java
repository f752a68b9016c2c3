package io.streamlake.cli.output;

import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.runtime.metrics.IngestionCounts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Collects a produce run's outcomes as they arrive (from client I/O threads: thread-safe): dead letters by stage
 * and reason, and the events not acknowledged, whose original bytes go, one per line, to the re-run file (created
 * only when there is one). The lines a stopped run did not read (the cluster was unreachable) follow them there.
 */
public final class ProduceReport implements Consumer<IngestionResult>, AutoCloseable {

    /** How many failures are listed on the console. */
    static final int LISTED = 20;

    record Failure(String key, String reason) {}

    private final Path failedFile;
    private final Map<String, Long> deadLettersByReason = Collections.synchronizedMap(new TreeMap<>());
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong notRead = new AtomicLong();
    /** The reason of the first event failed because the cluster was known unreachable; the run stopped reading. */
    private volatile String stoppedBecause;

    private volatile long notReadAfterLine = -1;

    private OutputStream failedOut;

    public ProduceReport(Path failedFile) {
        this.failedFile = failedFile;
    }

    @Override
    public void accept(IngestionResult result) {
        done.incrementAndGet();
        if (result instanceof IngestionResult.DeadLettered dl) {
            deadLettersByReason.merge(dl.stage().wireName() + ": " + shorten(dl.reason()), 1L, Long::sum);
        } else if (result instanceof IngestionResult.Failed failed) {
            if (failures.size() < 10_000) {
                failures.add(new Failure(failed.ref().key(), failed.reason()));
            }
            if (stoppedBecause == null && PlatformUnavailableException.isCauseOf(failed.cause())) {
                stoppedBecause = failed.reason();
            }
            writeFailed(failed.ref().payload());
        }
    }

    /** Why the run stopped reading early, or null when it read its whole input. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /**
     * The run stopped reading standard input after {@code line} (1-based, blank lines counted): the rest was not
     * consumed, so it is neither counted nor in the re-run file (reading it to its end could wait forever).
     */
    public void notReadAfterLine(long line) {
        notReadAfterLine = line;
    }

    /** The last line read of a stopped standard input, or -1. */
    long notReadAfterLine() {
        return notReadAfterLine;
    }

    public long done() {
        return done.get();
    }

    /**
     * Writes the input lines of a file the run did not read (it stopped early: the platform was unreachable) to the
     * re-run file, after the failed events, and counts them. Call once the run has returned.
     */
    public void notRead(Iterator<byte[]> rest) {
        while (rest.hasNext()) {
            writeFailed(rest.next());
            notRead.incrementAndGet();
        }
    }

    /** How many input lines the run did not read. */
    public long notRead() {
        return notRead.get();
    }

    private synchronized void writeFailed(byte[] payload) {
        try {
            if (failedOut == null) {
                failedOut = new BufferedOutputStream(Files.newOutputStream(failedFile));
            }
            failedOut.write(payload);
            failedOut.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the failed events to " + failedFile + ": " + e.getMessage(), e);
        }
    }

    /** The re-run file, when some events were not acknowledged. */
    synchronized Path failedFile() {
        return failedOut == null ? null : failedFile;
    }

    Map<String, Long> deadLettersByReason() {
        synchronized (deadLettersByReason) {
            return Map.copyOf(deadLettersByReason);
        }
    }

    List<Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Prints the summary for people, with the numbers the run's metrics counted. */
    void print(java.io.PrintWriter out, IngestionCounts counts) {
        out.printf("published:     %d%n", counts.published());
        out.printf(
                "dead-lettered: %d%s%n",
                counts.deadLettered(),
                counts.deadLetteredByStage().isEmpty()
                        ? ""
                        : "  "
                                + new TreeMap<>(counts.deadLetteredByStage().entrySet().stream()
                                        .collect(java.util.stream.Collectors.toMap(
                                                e -> e.getKey().wireName(), Map.Entry::getValue))));
        new TreeMap<>(deadLettersByReason()).forEach((reason, count) -> out.printf("  %4d × %s%n", count, reason));
        out.printf("failed:        %d%n", counts.failed());
        List<Failure> listed = failures();
        listed.stream().limit(LISTED).forEach(f -> out.printf("  key %s: %s%n", f.key(), f.reason()));
        if (listed.size() > LISTED) {
            out.printf("  … and %d more%n", counts.failed() - LISTED);
        }
        if (notReadAfterLine >= 0) {
            out.printf("not read:      standard input after line %d (not consumed)%n", notReadAfterLine);
        } else if (notRead() > 0 || stoppedBecause != null) {
            out.printf("not read:      %d%n", notRead());
        }
        if (stoppedBecause != null) {
            out.printf("  the run stopped reading: %s%n", stoppedBecause);
        }
        if (counts.ackLatencyP50().isPresent()) {
            out.printf(
                    java.util.Locale.ROOT,
                    "ack latency:   p50 %.1f ms, p99 %.1f ms%n",
                    millis(counts.ackLatencyP50()),
                    millis(counts.ackLatencyP99()));
        }
        Path file = failedFile();
        if (file != null) {
            out.printf(
                    "not acknowledged %sevents written to %s (re-run: streamlake produce --file %s …)%n",
                    notRead() > 0 ? "and not read " : "", file, file);
        }
    }

    /** Milliseconds with a fraction, 0 when absent. */
    static double millis(java.util.Optional<java.time.Duration> latency) {
        return latency.map(d -> d.toNanos() / 1_000_000.0).orElse(0.0);
    }

    private static String shorten(String reason) {
        String oneLine = reason.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "…" : oneLine;
    }

    @Override
    public void close() {
        finish();
    }

    /** Completes the re-run file; call before reading {@link #failedFile()} for the summary. Idempotent. */
    public synchronized void finish() {
        if (failedOut != null) {
            try {
                failedOut.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + failedFile + ": " + e.getMessage(), e);
            }
        }
    }
}
