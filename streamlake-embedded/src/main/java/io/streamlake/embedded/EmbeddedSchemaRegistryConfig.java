package io.streamlake.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link EmbeddedSchemaRegistry} is started. Immutable; change it with the {@code with*} methods.
 *
 * @param workDirectory    the registry process's working directory; its log goes here unless {@code logFile}
 *                         is given
 * @param logFile          where the registry's stdout and stderr go; empty → {@code
 *                         <workDirectory>/apicurio-registry-<port>.log}
 * @param startupTimeout   how long to wait for HTTP 200 on the {@code /subjects} endpoint
 * @param systemProperties extra {@code -D} properties for the registry (e.g. to enable authentication);
 *                         values are never logged
 * @param distribution     the Apicurio distribution (its {@code .tar.gz} or an unpacked directory); empty →
 *                         looked up as {@link EmbeddedSchemaRegistry} describes
 * @param cacheDirectory   where a {@code .tar.gz} distribution is unpacked, once per version
 * @param maxHeap          the registry JVM's {@code -Xmx}, e.g. {@code 256m}
 * @param port             the HTTP port on {@code 127.0.0.1}, 0 to 65535; 0 → a free one. A fixed port that is
 *                         taken makes {@link EmbeddedSchemaRegistry#start} fail
 * @param storageDirectory where the registry keeps its schemas (an H2 database file, {@value #STORAGE_FILE}.mv.db),
 *                         so a later registry on the same directory serves them again; empty → in memory, lost
 *                         when the registry stops
 */
public record EmbeddedSchemaRegistryConfig(
        Path workDirectory,
        Optional<Path> logFile,
        Duration startupTimeout,
        Map<String, String> systemProperties,
        Optional<Path> distribution,
        Path cacheDirectory,
        String maxHeap,
        int port,
        Optional<Path> storageDirectory) {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_MAX_HEAP = "256m";
    /** The H2 database's name inside {@link #storageDirectory()}. */
    public static final String STORAGE_FILE = "registry";

    public EmbeddedSchemaRegistryConfig {
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startup timeout must be positive, got " + startupTimeout);
        }
        systemProperties = Map.copyOf(Objects.requireNonNull(systemProperties, "systemProperties"));
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        if (maxHeap == null || !maxHeap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("max heap must look like 256m, got " + maxHeap);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        Objects.requireNonNull(storageDirectory, "storageDirectory");
    }

    /**
     * Work directory {@code <java.io.tmpdir>/streamlake-apicurio}, 60 s start-up timeout, 256 MB heap, cache
     * {@code $XDG_CACHE_HOME/streamlake} (default {@code ~/.cache/streamlake}).
     */
    public static EmbeddedSchemaRegistryConfig defaults() {
        return new EmbeddedSchemaRegistryConfig(
                Path.of(System.getProperty("java.io.tmpdir"), "streamlake-apicurio"),
                Optional.empty(),
                DEFAULT_STARTUP_TIMEOUT,
                Map.of(),
                Optional.empty(),
                defaultCacheDirectory(),
                DEFAULT_MAX_HEAP,
                0,
                Optional.empty());
    }

    static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("streamlake");
    }

    public EmbeddedSchemaRegistryConfig withWorkDirectory(Path dir) {
        return new EmbeddedSchemaRegistryConfig(
                dir,
                logFile,
                startupTimeout,
                systemProperties,
                distribution,
                cacheDirectory,
                maxHeap,
                port,
                storageDirectory);
    }

    public EmbeddedSchemaRegistryConfig withLogFile(Path file) {
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                Optional.of(file),
                startupTimeout,
                systemProperties,
                distribution,
                cacheDirectory,
                maxHeap,
                port,
                storageDirectory);
    }

    public EmbeddedSchemaRegistryConfig withStartupTimeout(Duration timeout) {
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                logFile,
                timeout,
                systemProperties,
                distribution,
                cacheDirectory,
                maxHeap,
                port,
                storageDirectory);
    }

    /** Adds or replaces one {@code -D} property of the registry process. */
    public EmbeddedSchemaRegistryConfig withSystemProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(systemProperties);
        props.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                logFile,
                startupTimeout,
                props,
                distribution,
                cacheDirectory,
                maxHeap,
                port,
                storageDirectory);
    }

    public EmbeddedSchemaRegistryConfig withDistribution(Path tarGzOrDirectory) {
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                logFile,
                startupTimeout,
                systemProperties,
                Optional.of(tarGzOrDirectory),
                cacheDirectory,
                maxHeap,
                port,
                storageDirectory);
    }

    public EmbeddedSchemaRegistryConfig withCacheDirectory(Path dir) {
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                logFile,
                startupTimeout,
                systemProperties,
                distribution,
                dir,
                maxHeap,
                port,
                storageDirectory);
    }

    public EmbeddedSchemaRegistryConfig withMaxHeap(String heap) {
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                logFile,
                startupTimeout,
                systemProperties,
                distribution,
                cacheDirectory,
                heap,
                port,
                storageDirectory);
    }

    /** Listens on {@code port} (0 → a free one); see {@link #port()}. */
    public EmbeddedSchemaRegistryConfig withPort(int port) {
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                logFile,
                startupTimeout,
                systemProperties,
                distribution,
                cacheDirectory,
                maxHeap,
                port,
                storageDirectory);
    }

    /** Keeps the schemas in {@code dir} across starts; see {@link #storageDirectory()}. */
    public EmbeddedSchemaRegistryConfig withStorageDirectory(Path dir) {
        return new EmbeddedSchemaRegistryConfig(
                workDirectory,
                logFile,
                startupTimeout,
                systemProperties,
                distribution,
                cacheDirectory,
                maxHeap,
                port,
                Optional.of(dir));
    }
}
