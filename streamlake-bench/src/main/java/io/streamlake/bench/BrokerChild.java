package io.streamlake.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bench's own broker, a {@link BrokerProcess} child started with this JVM's {@code java} and class path, so its CPU
 * can be read from {@code /proc/<pid>/stat} apart from the bench's. Its data, its stderr ({@code broker.log}) and the
 * log files of whatever logging the class path has ({@code STREAMLAKE_LOG_DIR}) go to {@code <work dir>/broker}.
 * {@link #close()} ends its stdin and waits for it to stop the broker; a shutdown hook destroys it if this JVM exits
 * first. Not thread-safe.
 */
final class BrokerChild implements AutoCloseable {

    /** The broker process's JVM options: a modest fixed heap, as a broker's launcher gives it. */
    static final List<String> JVM_ARGS = List.of("-Xmx1g");

    private static final long START_TIMEOUT_SECONDS = 180;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final String bootstrapServers;
    private final Thread killer;

    private BrokerChild(Process process, String bootstrapServers, Thread killer) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.killer = killer;
    }

    /**
     * Starts the broker process and waits for its ready line.
     *
     * @throws IllegalStateException naming its log when it exits or is not ready in time
     */
    static BrokerChild start(Path workDirectory) {
        Path dir = workDirectory.toAbsolutePath().resolve("broker");
        Path log = dir.resolve("broker.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessRun.javaExecutable());
        command.addAll(JVM_ARGS);
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(), dir.toString()));
        Process process;
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
            builder.environment().put("STREAMLAKE_LOG_DIR", dir.toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the bench's broker process", e);
        }
        Thread killer = new Thread(process::destroy, "bench-broker-stop");
        Runtime.getRuntime().addShutdownHook(killer);
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(process));
        try {
            String servers = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (servers == null) {
                throw new IllegalStateException("the bench's broker process exited before it was ready; see " + log);
            }
            return new BrokerChild(process, servers, killer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process, killer);
            throw new IllegalStateException("interrupted while the bench's broker started", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            stop(process, killer);
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException(
                    "the bench's broker process was not ready in " + START_TIMEOUT_SECONDS + " s; see " + log, e);
        }
    }

    /** The bootstrap servers of the ready line, or null when stdout ended without one. */
    private static String readyLine(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(BrokerProcess.READY_PREFIX)) {
                    return line.substring(BrokerProcess.READY_PREFIX.length()).trim();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop(process, killer);
    }

    private static void stop(Process process, Thread killer) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // this JVM is already shutting down: the hook runs anyway, harmlessly
        }
    }
}
