package io.streamlake.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry 3.0.9 (global compatibility rule {@code BACKWARD}) running as a child JVM on loopback
 * ports, reached through its Confluent-compatible API at {@link #url()}. Its HTTP port is
 * {@link EmbeddedSchemaRegistryConfig#port()} or a free one; its schemas are kept in memory, or in an H2 file under
 * {@link EmbeddedSchemaRegistryConfig#storageDirectory()} that a later registry on that directory reads again.
 *
 * <p>The distribution is taken from {@link EmbeddedSchemaRegistryConfig#distribution()}, else system property
 * {@code streamlake.apicurio.dist}, else environment variable {@code STREAMLAKE_APICURIO_DIST} (a
 * {@code .tar.gz} or an unpacked directory), else the local Maven repository's
 * {@code io/apicurio/apicurio-registry-app/3.0.9/apicurio-registry-app-3.0.9-all.tar.gz}, which building
 * {@code streamlake-embedded} downloads. A {@code .tar.gz} is unpacked once into the cache directory.
 *
 * <p>A JVM shutdown hook stops the child if {@link #close()} is never called. Thread-safe.
 *
 * <p>Failures: {@link #start} throws {@link EmbeddedStartupException} when the distribution is missing, the
 * process exits early or does not answer within the start-up timeout; the message names the URL and the log
 * file, and the process is stopped.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    /** Path of the Confluent-compatible API below the registry's root. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final Pattern PORT_IN_USE =
            Pattern.compile("(?i)address already in use|seems to be in use|already bound|BindException");

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedSchemaRegistry(Process process, int port, Path logFile, Thread shutdownHook) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Starts the registry and waits until {@code GET <url>/subjects} answers 200.
     *
     * @throws EmbeddedStartupException see the class documentation
     */
    public static EmbeddedSchemaRegistry start(EmbeddedSchemaRegistryConfig config) {
        Path runner;
        try {
            runner = ApicurioDistribution.runnerJar(
                    ApicurioDistribution.locate(config.distribution()), config.cacheDirectory());
            Files.createDirectories(config.workDirectory());
        } catch (IOException e) {
            throw new EmbeddedStartupException(
                    "could not prepare Apicurio Registry " + ApicurioDistribution.VERSION + ": " + e, e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return launch(config, runner);
            } catch (PortTaken e) {
                if (attempt == MAX_ATTEMPTS || config.port() != 0) {
                    throw e;
                }
                LOG.info("Apicurio Registry's port was taken by another process; retrying on new ports");
            }
        }
    }

    /** Free ports are picked, released, then bound by the child: another process may take one in between. */
    private static EmbeddedSchemaRegistry launch(EmbeddedSchemaRegistryConfig config, Path runner) {
        long began = System.nanoTime();
        int port = config.port() != 0 ? config.port() : RegistryProcess.freePort();
        int managementPort = RegistryProcess.freePort();
        Path log = config.logFile().orElse(config.workDirectory().resolve("apicurio-registry-" + port + ".log"));
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            if (config.storageDirectory().isPresent()) {
                Files.createDirectories(config.storageDirectory().get());
            }
            List<String> command = RegistryProcess.command(runner, config, port, managementPort);
            LOG.info(
                    "Starting Apicurio Registry on port {} from {} (extra properties: {}), log {}",
                    port,
                    runner,
                    config.systemProperties().keySet(),
                    log);
            process = new ProcessBuilder(command)
                    .directory(config.workDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new EmbeddedStartupException("could not start Apicurio Registry (log " + log + "): " + e, e);
        }
        Thread hook = new Thread(() -> RegistryProcess.destroyTree(process, 5), "streamlake-apicurio-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(process, port, log, hook);
        try {
            registry.awaitReady(config.startupTimeout());
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        LOG.info(
                "Apicurio Registry ready at {} in {} ms",
                registry.url(),
                Duration.ofNanos(System.nanoTime() - began).toMillis());
        return registry;
    }

    private void awaitReady(Duration timeout) {
        String probe = url() + "/subjects";
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(probe))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = RegistryProcess.tail(logFile, 20);
                String message = "Apicurio Registry exited with code " + process.exitValue() + " before answering on "
                        + probe + "; see " + logFile + ":" + System.lineSeparator() + tail;
                throw PORT_IN_USE.matcher(tail).find() ? new PortTaken(message) : new EmbeddedStartupException(message);
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedStartupException("interrupted while waiting for Apicurio Registry at " + probe, e);
            }
            sleep(200);
        }
        throw new EmbeddedStartupException("timed out after " + timeout.toMillis() + " ms waiting for HTTP 200 from "
                + "Apicurio Registry at " + probe + " (last: " + last + "); see " + logFile);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("interrupted while waiting for Apicurio Registry", e);
        }
    }

    /** The Confluent-compatible API base, {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String url() {
        return rootUrl() + CCOMPAT_PATH;
    }

    /** The registry's root, {@code http://127.0.0.1:<port>} (its native API is below {@code /apis/registry/v3}). */
    public String rootUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the registry's output goes. */
    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the registry process and its descendants and waits for them. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RegistryProcess.destroyTree(process, 10);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
        LOG.info("Apicurio Registry at {} stopped", rootUrl());
    }

    @Override
    public String toString() {
        return "EmbeddedSchemaRegistry[" + url() + ", log=" + logFile + "]";
    }

    /** The registry exited because one of its ports was bound by someone else meanwhile. */
    private static final class PortTaken extends EmbeddedStartupException {
        private static final long serialVersionUID = 1L;

        PortTaken(String message) {
            super(message);
        }
    }
}
