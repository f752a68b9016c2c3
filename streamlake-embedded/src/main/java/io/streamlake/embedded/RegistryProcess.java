package io.streamlake.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Launching, watching and stopping the registry's child JVM. */
final class RegistryProcess {

    private RegistryProcess() {}

    static List<String> command(Path runnerJar, EmbeddedSchemaRegistryConfig config, int httpPort, int managementPort) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + config.maxHeap());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        cmd.add("-Dquarkus.http.port=" + httpPort);
        cmd.add("-Dquarkus.management.host=127.0.0.1");
        cmd.add("-Dquarkus.management.port=" + managementPort);
        cmd.add("-Dquarkus.log.console.color=false");
        cmd.add("-Dapicurio.rules.global.compatibility=BACKWARD");
        config.storageDirectory()
                .ifPresent(dir -> cmd.add("-Dapicurio.datasource.url=jdbc:h2:file:"
                        + dir.toAbsolutePath().resolve(EmbeddedSchemaRegistryConfig.STORAGE_FILE)));
        for (Map.Entry<String, String> p : config.systemProperties().entrySet()) {
            cmd.add("-D" + p.getKey() + "=" + p.getValue());
        }
        cmd.add("-jar");
        cmd.add(runnerJar.toString());
        return cmd;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    /** Stops the process and its descendants: politely first, forcibly after {@code graceSeconds}. */
    static void destroyTree(Process process, int graceSeconds) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(graceSeconds, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last {@code lines} lines of a log file, for error messages; empty when unreadable. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
