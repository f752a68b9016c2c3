package io.streamlake.kafka.publish;

import io.streamlake.core.domain.PlatformUnavailableException;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Tells whether the cluster is answering, so that sends fail at once during an outage instead of each waiting
 * {@code max.block.ms} for metadata. "Answered" means a broker responded: a record was acknowledged, a broker
 * refused one (a non-retriable error reported after {@code send} returned), or a probe request got its response.
 *
 * <p>Closed (the normal state): when records have been outstanding and no broker has answered for
 * {@code outage.fail.after.ms}, it opens. From half that silence on, and all the time while it is open, it probes
 * the cluster (one probe at a time, at most one per tick). Open: {@link #failure(String)} gives every send its
 * failure, naming since when the cluster has been silent and the bootstrap servers; records already handed to the
 * producer keep their own outcome (acknowledged, or expired after {@code delivery.timeout.ms}). Any answer, from a
 * probe or a late acknowledgement, closes it.
 *
 * <p>{@link #tick()} evaluates the state; {@link #start()} runs it every tick interval on a daemon thread. The sending
 * threads read one volatile field per send and add to a {@link LongAdder}; callbacks add to another. Thread-safe.
 */
final class OutageBreaker implements AutoCloseable {

    /** Asks the cluster for something only a broker can answer; completes normally when one did. */
    @FunctionalInterface
    interface Probe {
        CompletionStage<?> ask();

        /** Releases what the probe holds; called once, when the breaker closes down. */
        default void close() {}
    }

    private final long failAfterNanos;
    private final long tickNanos;
    private final String bootstrapServers;
    private final Probe probe;
    private final LongSupplier nanoTime;
    private final Clock clock;

    private final LongAdder sent = new LongAdder();
    private final LongAdder finished = new LongAdder();
    /** {@code nanoTime} of the last answer; written by callbacks and probes. */
    private volatile long lastAnswer;
    /** The failure of a send while open; null while closed. */
    private volatile Open open;
    /** The failure of the latest opening, kept after it closed; null until it first opens. */
    private volatile Open lastOpened;

    // evaluated under the monitor, by tick()
    private boolean outstanding;
    private long outstandingSince;
    private boolean probing;
    private long lastProbeStart;

    private ScheduledExecutorService ticker;
    /** Run on the ticking thread each time it opens, outside its monitor. */
    private final CopyOnWriteArrayList<Runnable> onOpen = new CopyOnWriteArrayList<>();

    private record Open(long sinceNanos, Instant since, String reason) {}

    OutageBreaker(long failAfterMs, String bootstrapServers, Probe probe, LongSupplier nanoTime, Clock clock) {
        this.failAfterNanos = TimeUnit.MILLISECONDS.toNanos(failAfterMs);
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(tickMs(failAfterMs));
        this.bootstrapServers = bootstrapServers;
        this.probe = probe;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.lastAnswer = nanoTime.getAsLong();
        this.lastProbeStart = lastAnswer - tickNanos;
    }

    /** A tenth of {@code outage.fail.after.ms}, between 50 ms and 1 s: how often the state is evaluated. */
    static long tickMs(long failAfterMs) {
        return Math.max(50, Math.min(1_000, failAfterMs / 10));
    }

    /** Evaluates the state every tick interval on a daemon thread, until {@link #close()}. */
    synchronized OutageBreaker start() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "streamlake-kafka-outage-breaker");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        }
        return this;
    }

    /** A record is about to be handed to the producer. */
    void sent() {
        sent.increment();
    }

    /** A record handed to the producer has its outcome; {@code answered} when a broker's response decided it. */
    void finished(boolean answered) {
        if (answered) {
            lastAnswer = nanoTime.getAsLong();
        }
        finished.increment();
    }

    /** The failure for a send to {@code topic} while open, or null while closed (then send it). */
    PlatformUnavailableException failure(String topic) {
        return failure(open, topic);
    }

    /**
     * The failure for a send to {@code topic} that the latest opening stopped, whether or not the breaker has closed
     * again since (a probe may answer right after it opened); null if it never opened.
     */
    PlatformUnavailableException lastOpening(String topic) {
        return failure(lastOpened, topic);
    }

    private static PlatformUnavailableException failure(Open o, String topic) {
        return o == null ? null : new PlatformUnavailableException(o.reason + "; not sent to " + topic, o.since);
    }

    boolean isOpen() {
        return open != null;
    }

    /**
     * Runs {@code action} each time the breaker opens, right after sends start failing at once: for what was already
     * waiting when it opened. It runs on the thread that evaluates the state and must not block.
     */
    void onOpen(Runnable action) {
        onOpen.add(action);
    }

    /**
     * Opens or closes as the answers and the outstanding records say, and starts a probe when one is due; when it
     * opens, runs the {@link #onOpen} actions.
     */
    void tick() {
        if (evaluate()) {
            for (Runnable action : onOpen) {
                action.run();
            }
        }
    }

    /** Whether this evaluation opened the breaker. */
    private synchronized boolean evaluate() {
        long now = nanoTime.getAsLong();
        long answer = lastAnswer;
        Open o = open;
        if (o != null) {
            // any answer after the silence began
            if (answer - o.sinceNanos > 0) {
                open = null;
                outstanding = false;
            } else {
                probe(now);
            }
            return false;
        }
        // finished first: a record counted there is counted in sent too, so this never undercounts
        long done = finished.sum();
        long waiting = sent.sum() - done;
        if (waiting <= 0) {
            outstanding = false;
            return false;
        }
        if (!outstanding) {
            outstanding = true;
            outstandingSince = now;
        }
        long silentSince = answer - outstandingSince > 0 ? answer : outstandingSince;
        long silence = now - silentSince;
        if (silence >= failAfterNanos) {
            Instant since = clock.instant().minusNanos(silence).truncatedTo(ChronoUnit.MILLIS);
            open = new Open(
                    silentSince,
                    since,
                    "Kafka cluster unreachable since " + since + ", bootstrap servers " + bootstrapServers
                            + ": no broker answered for " + TimeUnit.NANOSECONDS.toMillis(failAfterNanos) + " ms ("
                            + KafkaAdapterConfig.OUTAGE_FAIL_AFTER_MS_CONFIG + ")");
            lastOpened = open;
            probe(now);
            return true;
        }
        if (silence >= failAfterNanos / 2) {
            probe(now);
        }
        return false;
    }

    private void probe(long now) {
        if (probing || now - lastProbeStart < tickNanos) {
            return;
        }
        probing = true;
        lastProbeStart = now;
        CompletionStage<?> asked;
        try {
            asked = probe.ask();
        } catch (RuntimeException e) {
            probing = false;
            return;
        }
        asked.whenComplete((ignored, error) -> probed(error == null));
    }

    private void probed(boolean answered) {
        if (answered) {
            lastAnswer = nanoTime.getAsLong();
        }
        synchronized (this) {
            probing = false;
        }
        if (answered && open != null) {
            evaluate(); // an answer only closes it
        }
    }

    /**
     * Stops the ticker and closes the probe. Not under this object's monitor: closing the probe completes its pending
     * request on the probe's own thread, whose {@link #probed} takes the monitor.
     */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = ticker;
            ticker = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
        probe.close();
    }
}
