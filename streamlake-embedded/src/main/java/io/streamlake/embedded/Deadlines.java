package io.streamlake.embedded;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a blocking start-up step on a helper thread and gives up after a timeout with a clear message. */
final class Deadlines {

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private Deadlines() {}

    /** Lets an interrupted step wind down, so that clean-up after a timeout does not race with it. */
    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param what names what must become ready, used in the timeout message
     * @throws EmbeddedStartupException on timeout, failure or interruption
     */
    static void run(String what, Duration timeout, Step step) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "streamlake-embedded-startup");
            t.setDaemon(true);
            return t;
        });
        Future<?> future = executor.submit(() -> {
            step.run();
            return null;
        });
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new EmbeddedStartupException("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        } catch (ExecutionException e) {
            throw new EmbeddedStartupException("failed to start " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("interrupted while waiting for " + what, e);
        } finally {
            executor.shutdownNow();
            awaitQuietly(executor);
        }
    }
}
