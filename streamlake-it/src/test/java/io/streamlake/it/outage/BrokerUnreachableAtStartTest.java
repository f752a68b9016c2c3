package io.streamlake.it.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code produce --file} against bootstrap servers where nothing listens: it fails within
 * {@code connect.check.timeout.ms} (default 10 s) with one line naming the servers, exit 1, and claims nothing.
 */
class BrokerUnreachableAtStartTest {

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void givenNoBrokerListening_thenProduceFailsWithinTheCheckTimeoutWithOneLineNamingTheServers() throws IOException {
        String servers = "localhost:" + freePort() + ",127.0.0.1:" + freePort();
        Files.writeString(
                dir.resolve("events.jsonl"),
                IntStream.range(0, 50)
                        .mapToObj(i -> "{\"order_id\":\"o-" + i + "\",\"amount\":" + i + "}")
                        .collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);

        OutageCli.Result result = new OutageCli(dir)
                .run(
                        "produce",
                        "--dataset",
                        "orders",
                        "--key-field",
                        "order_id",
                        "--file",
                        "events.jsonl",
                        "--bootstrap-servers",
                        servers,
                        "--failed-file",
                        "rerun.jsonl");

        System.out.printf(
                "unreachable at start: exit %d after %d ms, stderr: %s", result.code(), result.millis(), result.err());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.millis())
                .as("default connect.check.timeout.ms is 10 s")
                .isLessThan(30_000);
        assertThat(result.err().lines().toList()).hasSize(1);
        assertThat(result.err())
                .startsWith("error: ")
                .contains(servers.split(",")[0])
                .contains(servers.split(",")[1]);
        assertThat(result.out()).doesNotContainPattern("published:\\s+[1-9]");
        assertThat(dir.resolve("rerun.jsonl")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("events.jsonl");
        }
    }

    @Test
    void givenAShortCheckTimeout_thenTheFailureComesWithinIt() throws IOException {
        Files.writeString(dir.resolve("events.jsonl"), "{\"order_id\":\"o-1\",\"amount\":1}\n");
        String servers = "localhost:" + freePort();

        OutageCli.Result result = new OutageCli(dir)
                .run(
                        "produce",
                        "--dataset",
                        "orders",
                        "--key-field",
                        "order_id",
                        "--file",
                        "events.jsonl",
                        "--bootstrap-servers",
                        servers,
                        "--set",
                        "connect.check.timeout.ms=2000");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.millis()).isLessThan(10_000);
        assertThat(result.err().lines().toList()).singleElement().asString().contains(servers);
    }
}
