package io.streamlake.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka Connect distributed worker running inside this JVM: Kafka's own {@link ConnectDistributed},
 * as {@code connect-distributed.sh} starts it, with the plugins of {@link EmbeddedConnectConfig#pluginPath()} each
 * in its own class loader (plugin isolation), for {@code streamlake dev --connect}, {@code demo --connect}, the bench
 * and tests. Needs {@code org.apache.kafka:connect-runtime} on the class path (an optional dependency of this module).
 *
 * <p>Worker settings, before {@link EmbeddedConnectConfig#workerProperties()}: internal topics
 * {@code <group.id>-configs|-offsets|-status} with replication factor 1 (one broker is enough), byte-array
 * converters, offsets flushed every second, {@code exactly.once.source.support=enabled} (the broker must allow
 * transactions), the REST API on {@code http://127.0.0.1:<port>}, and {@code plugin.discovery=service_load}
 * (plugins are found through their {@code META-INF/services} manifests, without scanning every jar).
 *
 * <p>The worker logs through SLF4J, under {@code org.apache.kafka.connect}; the caller routes that to a file.
 *
 * <p>Failures: {@link #start} throws {@link EmbeddedStartupException} when the plugin path does not exist, the port
 * is taken, or the REST API does not answer within the start-up timeout; the worker is stopped then. Thread-safe.
 */
public final class EmbeddedConnectWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnectWorker.class);

    private final Connect<DistributedHerder> connect;
    private final String url;
    private boolean closed;

    private EmbeddedConnectWorker(Connect<DistributedHerder> connect, String url) {
        this.connect = connect;
        this.url = url;
    }

    /**
     * Starts the worker and waits until its REST API lists the connectors (the worker joined its group).
     *
     * @throws EmbeddedStartupException see the class documentation
     */
    public static EmbeddedConnectWorker start(EmbeddedConnectConfig config) {
        if (!Files.isDirectory(config.pluginPath())) {
            throw new EmbeddedStartupException("the Connect plugin path " + config.pluginPath()
                    + " is not a directory (unzip the plugin zip into it)");
        }
        Map<String, String> props = workerProperties(config);
        Connect<DistributedHerder> connect;
        try {
            connect = new ConnectDistributed().startConnect(props);
        } catch (RuntimeException e) {
            throw new EmbeddedStartupException(
                    "could not start a Connect worker on port " + config.port() + ": " + e.getMessage(), e);
        }
        String url = stripSlash(connect.rest().advertisedUrl().toString());
        EmbeddedConnectWorker worker = new EmbeddedConnectWorker(connect, url);
        try {
            worker.awaitReady(config.startupTimeout());
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        LOG.info("Connect worker (group {}) ready at {}", config.groupId(), url);
        return worker;
    }

    static Map<String, String> workerProperties(EmbeddedConnectConfig config) {
        String group = config.groupId();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", config.bootstrapServers());
        p.put("group.id", group);
        p.put("config.storage.topic", group + "-configs");
        p.put("offset.storage.topic", group + "-offsets");
        p.put("status.storage.topic", group + "-status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.storage.partitions", "5");
        p.put("status.storage.partitions", "1");
        p.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        p.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        p.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        p.put("offset.flush.interval.ms", "1000");
        p.put("exactly.once.source.support", "enabled");
        p.put("listeners", "http://127.0.0.1:" + config.port());
        p.put("rest.advertised.host.name", "127.0.0.1");
        p.put("plugin.path", config.pluginPath().toAbsolutePath().toString());
        p.put("plugin.discovery", "service_load");
        p.put("scheduled.rebalance.max.delay.ms", "5000");
        p.putAll(config.workerProperties());
        return p;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/connectors"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedStartupException("interrupted while waiting for the Connect worker at " + url, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedStartupException("interrupted while waiting for the Connect worker at " + url, e);
            }
        }
        throw new EmbeddedStartupException("timed out after " + timeout.toMillis() + " ms waiting for the Connect "
                + "worker at " + url + " to answer GET /connectors (last: " + last + ")");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The REST API's base URL, e.g. {@code http://127.0.0.1:8083}. */
    public String url() {
        return url;
    }

    /** Stops the worker: its tasks stop, their offsets are committed, it leaves its group. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connect.stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping the Connect worker at {} failed", url, e);
        }
    }
}
