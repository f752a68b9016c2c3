package io.streamlake.cli.output;

import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.runtime.metrics.IngestionCounts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Collects a produce run's outcomes as they arrive (from client I/O threads: thread-safe): dead letters by stage
 * and reason, and the events not acknowledged, whose original bytes go, one per line, to the re-run file (created
 * only when there is one). It also knows which events are in flight (sent, no outcome yet), so a run stopped
 * without waiting for them can write them to the re-run file too.
 */
public final class ProduceReport implements Consumer<IngestionResult>, AutoCloseable {

    /** How many failures are listed on the console. */
    static final int LISTED = 20;

    record Failure(String key, String reason) {}

    private final Path failedFile;
    private final Map<String, Long> deadLettersByReason = Collections.synchronizedMap(new TreeMap<>());
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String stoppedBecause;
    /** Lines handed to the ingestion and not resolved yet; arrays compare by identity. */
    private final InFlightLines inFlight = new InFlightLines();
    /** Set by {@link #freezeInFlight()}: outcomes that arrive later are not counted (their lines were taken as unknown). */
    private volatile boolean frozen;

    private OutputStream failedOut;
    private boolean closed;
    private volatile RunEnding ending = RunEnding.complete();
    private volatile ExactlyOnceEnding exactlyOnce;
    private final Map<DlqStage, AtomicLong> deadLetteredByStage = new java.util.concurrent.ConcurrentHashMap<>();

    public ProduceReport(Path failedFile) {
        this.failedFile = failedFile;
    }

    /** Counts {@code payload} (the very array given to the ingestion) as in flight until its outcome arrives. */
    public void sent(byte[] payload) {
        sent(payload, null);
    }

    /**
     * As {@link #sent(byte[])}, for a line whose command carries {@code source} (its outcome's {@code ref().source()}
     * then names it too, which makes keeping track of it cheaper); null when it has none.
     */
    public void sent(byte[] payload, EventSource source) {
        inFlight.add(payload, source);
    }

    @Override
    public void accept(IngestionResult result) {
        if (frozen) {
            return;
        }
        if (result instanceof IngestionResult.Published) {
            published.incrementAndGet();
        } else if (result instanceof IngestionResult.DeadLettered dl) {
            deadLettered.incrementAndGet();
            deadLetteredByStage
                    .computeIfAbsent(dl.stage(), k -> new AtomicLong())
                    .incrementAndGet();
            deadLettersByReason.merge(dl.stage().wireName() + ": " + shorten(dl.reason()), 1L, Long::sum);
        } else if (result instanceof IngestionResult.Failed f) {
            if (stoppedBecause == null && PlatformUnavailableException.isCauseOf(f.cause())) {
                stoppedBecause = f.reason();
            }
            synchronized (this) { // with freezeInFlight: a failed line is in the re-run file once
                if (frozen) {
                    return;
                }
                failed.incrementAndGet();
                if (failures.size() < 10_000) {
                    failures.add(new Failure(f.ref().key(), f.reason()));
                }
                rerun(f.ref().payload());
                inFlight.remove(f.ref().payload(), f.ref().source().orElse(null));
            }
        }
        if (!(result instanceof IngestionResult.Failed)) {
            inFlight.remove(result.ref().payload(), result.ref().source().orElse(null));
        }
    }

    /**
     * Why the stream stopped reading before the input's end: the reason of the first event that failed because the
     * platform was known unreachable (the outage breaker was open); null when it read to the end.
     */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** Events with an outcome: published, dead-lettered or failed (not counted twice: each adds to one counter). */
    public long done() {
        return published.get() + deadLettered.get() + failed.get();
    }

    public long published() {
        return published.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Dead letters counted here, per stage (stages with none absent). */
    public Map<DlqStage, Long> deadLetteredByStage() {
        Map<DlqStage, Long> out = new java.util.EnumMap<>(DlqStage.class);
        deadLetteredByStage.forEach((stage, n) -> out.put(stage, n.get()));
        return out;
    }

    /** How an exactly-once run ended, for the summary. */
    public void exactlyOnce(ExactlyOnceEnding ending) {
        this.exactlyOnce = ending;
    }

    /** How the exactly-once run ended; empty for an at-least-once run. */
    public java.util.Optional<ExactlyOnceEnding> exactlyOnce() {
        return java.util.Optional.ofNullable(exactlyOnce);
    }

    /**
     * The events sent that have no outcome yet, taken once by a run that stops without waiting: outcomes that arrive
     * afterwards are no longer counted or written, so each of these lines is reported once, as unknown.
     */
    public synchronized List<byte[]> freezeInFlight() {
        frozen = true;
        return List.copyOf(inFlight.snapshot());
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    /** How the run ended, for the summary. */
    public void ending(RunEnding ending) {
        this.ending = ending;
    }

    public RunEnding ending() {
        return ending;
    }

    /** Writes one line to the re-run file; ignored once the report is {@link #finish() finished}. */
    public synchronized void rerun(byte[] payload) {
        if (closed) {
            return;
        }
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
    public synchronized Path failedFile() {
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

    /** {@code 2 dead-lettered, 3 tolerated (published), 12 transformed}. */
    static String ruleEffects(Map<String, Long> effects) {
        List<String> parts = new ArrayList<>();
        effects.forEach((effect, count) -> parts.add(count + " "
                + switch (effect) {
                    case "dead_lettered" -> "dead-lettered";
                    case "tolerated" -> "tolerated (published)";
                    default -> effect;
                }));
        return String.join(", ", parts);
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
        if (!counts.rules().isEmpty()) {
            out.printf("rules:%n");
            counts.rules().forEach((rule, effects) -> out.printf("  %-24s %s%n", rule, ruleEffects(effects)));
        }
        out.printf("failed:        %d%n", counts.failed());
        List<Failure> listed = failures();
        listed.stream().limit(LISTED).forEach(f -> out.printf("  key %s: %s%n", f.key(), f.reason()));
        if (listed.size() > LISTED) {
            out.printf("  … and %d more%n", counts.failed() - LISTED);
        }
        if (counts.ackLatencyP50().isPresent()) {
            out.printf(
                    java.util.Locale.ROOT,
                    "ack latency:   p50 %.1f ms, p99 %.1f ms%n",
                    millis(counts.ackLatencyP50()),
                    millis(counts.ackLatencyP99()));
        }
        RunEnding end = ending();
        if (end.byteOrderMarkSkipped()) {
            out.printf("skipped:       a UTF-8 byte-order mark at the start of the file%n");
        }
        if (end.stoppedBy().isPresent()) {
            out.printf(
                    "not read:      %s  (stopped by %s)%n",
                    end.notRead()
                            .map(String::valueOf)
                            .orElse("standard input after line " + end.linesRead() + ", which cannot be resumed"),
                    end.stoppedBy().get());
        }
        if (end.unknown() > 0) {
            out.printf(
                    "unknown:       %d events in flight when the run stopped: their outcome is unknown "
                            + "(written to the re-run file; some may be on RAW already)%n",
                    end.unknown());
        }
        if (exactlyOnce != null) {
            printExactlyOnce(out, exactlyOnce);
            return;
        }
        Path file = failedFile();
        if (end.resumePoint().isPresent()) {
            out.printf(
                    "resume point:  %s%s%n  continue with the same command and --resume "
                            + "(sends the lines not acknowledged, then the rest of the file)%n",
                    end.resumePoint().get(), file == null ? "" : " (lines not acknowledged: " + file + ")");
        } else if (file != null) {
            out.printf("not acknowledged events written to %s (re-run: streamlake produce --file %s …)%n", file, file);
        }
    }

    private static void printExactlyOnce(java.io.PrintWriter out, ExactlyOnceEnding eos) {
        out.printf(
                "exactly-once:  %d transactions committed by this run; checkpoint: %s (topic %s)%n",
                eos.transactions(),
                eos.checkpoint()
                        .map(c -> "line " + c.line() + ", byte " + c.offset()
                                + (eos.complete() ? ", the end of the file" : ""))
                        .orElse("none"),
                eos.checkpointTopic());
        boolean unknown = eos.abortedBecause()
                .filter(r -> r.startsWith(TransactionalOutput.COMMIT_OUTCOME_UNKNOWN))
                .isPresent();
        if (unknown) {
            out.printf(
                    "unknown:       %d events of the last transaction: its commit timed out and may still complete "
                            + "(%s)%n",
                    eos.aborted(), eos.abortedBecause().orElseThrow());
        } else if (eos.aborted() > 0) {
            out.printf(
                    "aborted:       %d events of the last transaction, not committed: read_committed consumers never "
                            + "see them (%s)%n",
                    eos.aborted(), eos.abortedBecause().orElse("aborted"));
        }
        if (eos.leftOpen()) {
            out.printf("open:          the last transaction was left open: Kafka aborts it when the next run of this "
                    + "file starts (or after transaction.timeout.ms); read_committed consumers never see it%n");
        }
        if (!eos.complete()) {
            out.printf(
                    "  continue with the same command and --resume (reads the file again from line %d; nothing "
                            + "committed is sent twice, nothing aborted is lost)%n",
                    eos.resumesAtLine());
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
        closed = true;
        if (failedOut != null) {
            try {
                failedOut.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + failedFile + ": " + e.getMessage(), e);
            }
        }
    }
}
