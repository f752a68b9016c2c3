package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Connect URL nobody answers on: exit 1 with a message naming the URL and how to start a worker. */
class ConnectUnreachableTest {

    @TempDir
    Path dir;

    @Test
    void givenNoWorkerAtTheUrl_thenStatusFailsNamingTheUrl() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();

        CliRunner.Result result = new CliRunner(dir).run("connect", "status", "--connect-url", url);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err())
                .contains("cannot reach the Kafka Connect worker at " + url)
                .contains("connection refused")
                .contains("streamlake dev --connect");
    }

    @Test
    void givenTheUrlFromTheEnvironment_thenSubmitFailsNamingItBeforeSendingAnything() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();

        CliRunner.Result result = new CliRunner(dir)
                .env("STREAMLAKE_CONNECT_URL", url)
                .run("connect", "submit", "--dataset", "orders", "--input", "in.jsonl", "--no-create-topics");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("cannot reach the Kafka Connect worker at " + url);
    }

    @Test
    void givenAUrlThatIsNoUrl_thenItIsAUsageError() {
        CliRunner.Result result = new CliRunner(dir).run("connect", "status", "--connect-url", "localhost8083");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("invalid Connect URL 'localhost8083'");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
