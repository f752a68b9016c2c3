package io.streamlake.cli.output;

import io.streamlake.runtime.ConsoleStreams;
import java.util.function.LongSupplier;

/** A progress line on stderr, redrawn at most a few times a second, only when stderr is a terminal. */
public final class Progress {

    private static final long EVERY_NANOS = 250_000_000L;

    private final ConsoleStreams console;
    private final LongSupplier acknowledged;
    private long sent;
    private long lastDrawn = System.nanoTime();
    private boolean drawn;

    public Progress(ConsoleStreams console, LongSupplier acknowledged) {
        this.console = console;
        this.acknowledged = acknowledged;
    }

    /** Counts one more event sent; called on the reading thread. */
    public void sent() {
        sent++;
        if (console.interactive() && System.nanoTime() - lastDrawn > EVERY_NANOS) {
            lastDrawn = System.nanoTime();
            console.err().printf("\r%,d read, %,d acknowledged…", sent, acknowledged.getAsLong());
            console.err().flush();
            drawn = true;
        }
    }

    public void finish() {
        if (drawn) {
            console.err().print("\r\033[K");
            console.err().flush();
        }
    }
}
