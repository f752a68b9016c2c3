package io.streamlake.cli.produce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM handling for the length of one run, through {@code sun.misc.Signal} (module jdk.unsupported).
 * A JVM shutdown hook is not used: once shutdown has begun the JVM exits when the hooks return, a second signal
 * can no longer be told apart, and the main thread's summary races the exit. With a signal handler the JVM keeps
 * running, the main thread ends the run itself and returns its exit code, and a second signal is seen as such.
 * The handlers run on a thread of their own; {@link #close()} puts the previous handlers back.
 */
public final class Interrupts implements AutoCloseable {

    /** The exit code after a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
    public static int exitCode(String signal) {
        return "INT".equals(signal) ? 130 : 143;
    }

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    /** @param onSignal given each signal's exit code, on the JVM's signal thread */
    public Interrupts(IntConsumer onSignal) {
        for (String name : List.of("INT", "TERM")) {
            Signal signal = new Signal(name);
            int code = exitCode(name);
            try {
                previous.add(Signal.handle(signal, s -> onSignal.accept(code)));
                signals.add(signal);
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal for itself (e.g. -Xrs): leave it with its default
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
