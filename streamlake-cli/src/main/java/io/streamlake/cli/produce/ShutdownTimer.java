package io.streamlake.cli.produce;

/** The timer a run's first signal starts: {@code shutdown.timeout.ms} later it stops the run at once. */
final class ShutdownTimer {

    private ShutdownTimer() {}

    /**
     * A daemon thread, {@code streamlake-shutdown-timer}, not started yet, that runs {@code stopNow} after
     * {@code timeoutMs} unless it is interrupted first (the run ended in time). The caller publishes it where the
     * run's ending can interrupt it, then starts it, so no ending misses a started timer.
     */
    static Thread create(long timeoutMs, Runnable stopNow) {
        Thread timer = new Thread(
                () -> {
                    try {
                        Thread.sleep(timeoutMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                    stopNow.run();
                },
                "streamlake-shutdown-timer");
        timer.setDaemon(true);
        return timer;
    }
}
