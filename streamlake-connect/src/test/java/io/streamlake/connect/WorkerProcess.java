package io.streamlake.connect;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An Apache Kafka Connect distributed worker in a process of its own ({@code ConnectDistributed}), started from the
 * jars of a given Kafka version as Maven Central has them, with a {@code plugin.path}: the plugin is loaded from there,
 * in its own class loader, never from the worker's class path (which holds no StreamLake jar).
 */
final class WorkerProcess implements AutoCloseable {

    /** Worker class paths by Kafka version, resolved once per JVM. */
    private static final Map<String, String> CLASSPATHS = new ConcurrentHashMap<>();

    private final Process process;
    private final String url;
    private final String classpath;
    private final HttpClient http = HttpClient.newHttpClient();

    private WorkerProcess(Process process, String url, String classpath) {
        this.process = process;
        this.url = url;
        this.classpath = classpath;
    }

    /** Whether Connect's REST API names this worker by {@code workerId} ({@code host:port}). */
    boolean is(String workerId) {
        return workerId != null && url.endsWith(":" + workerId.substring(workerId.lastIndexOf(':') + 1));
    }

    /** The worker's own class path. */
    String classpath() {
        return classpath;
    }

    /**
     * @param kafkaVersion the worker's Kafka version; its jars are resolved with Maven (offline first)
     * @param pluginPath   the plugin.path directory
     * @param work         where the worker's files and log go
     */
    static WorkerProcess start(String kafkaVersion, Path pluginPath, String bootstrapServers, Path work)
            throws Exception {
        return start(kafkaVersion, pluginPath, bootstrapServers, work, Map.of());
    }

    /** As {@link #start(String, Path, String, Path)}, with more worker settings (later ones win). */
    static WorkerProcess start(
            String kafkaVersion, Path pluginPath, String bootstrapServers, Path work, Map<String, String> settings)
            throws Exception {
        String classpath = CLASSPATHS.get(kafkaVersion);
        if (classpath == null) {
            classpath = workerClasspath(kafkaVersion, work);
            CLASSPATHS.put(kafkaVersion, classpath);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String id = settings.getOrDefault("group.id", "plugin-test-" + kafkaVersion.replace('.', '-'));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("bootstrap.servers", bootstrapServers);
        all.put("group.id", id);
        all.put("config.storage.topic", id + "-configs");
        all.put("offset.storage.topic", id + "-offsets");
        all.put("status.storage.topic", id + "-status");
        all.put("config.storage.replication.factor", "1");
        all.put("offset.storage.replication.factor", "1");
        all.put("status.storage.replication.factor", "1");
        all.put("offset.flush.interval.ms", "1000");
        all.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        all.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        all.put("listeners", "http://127.0.0.1:" + port);
        all.put("plugin.path", pluginPath.toString());
        all.putAll(settings);
        Path props = work.resolve("worker.properties");
        StringBuilder text = new StringBuilder();
        all.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(props, text);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                classpath,
                "org.apache.kafka.connect.cli.ConnectDistributed",
                props.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("worker.out").toFile())
                .start();
        WorkerProcess worker = new WorkerProcess(process, "http://127.0.0.1:" + port, classpath);
        try {
            worker.awaitReady(work);
        } catch (Exception e) {
            worker.close();
            throw e;
        }
        return worker;
    }

    /** The jars of connect-runtime {@code version}, resolved by Maven from a generated pom. */
    private static String workerClasspath(String version, Path work) throws Exception {
        Path pom = work.resolve("pom.xml");
        Files.writeString(
                pom,
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                        + "<groupId>io.streamlake.test</groupId><artifactId>connect-worker</artifactId>"
                        + "<version>1</version><dependencies>"
                        + "<dependency><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId>"
                        + "<version>" + version + "</version></dependency>"
                        + "</dependencies></project>");
        Path out = work.resolve("classpath.txt");
        String mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn")
                .toString();
        List<String> base = new ArrayList<>(List.of(
                mvn,
                "-B",
                "-q",
                "-f",
                pom.toString(),
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.outputFile=" + out));
        List<String> offline = new ArrayList<>(base);
        offline.add(1, "-o");
        if (run(offline, work) != 0 && run(base, work) != 0) {
            throw new AssertionError("cannot resolve connect-runtime " + version + "; see " + work.resolve("mvn.log"));
        }
        return Files.readString(out).trim();
    }

    private static int run(List<String> command, Path work) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("mvn.log").toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private void awaitReady(Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the worker exited with " + process.exitValue() + "; see " + work);
            }
            try {
                HttpResponse<String> root = get("/connectors");
                if (root.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the worker's REST API did not answer in 90 s; see " + work);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Kills the worker at once (SIGKILL): no task is stopped, no transaction ended, no offset committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the worker at once: the tests need nothing from its shutdown, and a graceful one takes seconds. */
    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
