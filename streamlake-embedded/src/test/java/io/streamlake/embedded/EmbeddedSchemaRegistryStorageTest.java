package io.streamlake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A registry on a fixed port with its schemas in a storage directory, as {@code streamlake dev} runs it. */
class EmbeddedSchemaRegistryStorageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCHEMA = "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}";

    @Test
    void givenStorageDirectoryAndFixedPort_whenRestarted_thenSchemaAndPortAreKept() throws Exception {
        Path work = Directories.createUnique(TestDirs.work().resolve("apicurio"), "kept-");
        int port = freePort();
        EmbeddedSchemaRegistryConfig config = EmbeddedSchemaRegistryConfig.defaults()
                .withWorkDirectory(work)
                .withPort(port)
                .withStorageDirectory(work.resolve("storage"));
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(config)) {
            assertThat(first.url()).isEqualTo("http://127.0.0.1:" + port + "/apis/ccompat/v7");
            HttpResponse<String> registered = HTTP.send(
                    HttpRequest.newBuilder(URI.create(first.url() + "/subjects/kept-value/versions"))
                            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                            .POST(HttpRequest.BodyPublishers.ofString(SCHEMA))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        }
        assertThat(work.resolve("storage").resolve(EmbeddedSchemaRegistryConfig.STORAGE_FILE + ".mv.db"))
                .isRegularFile();

        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(config)) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(subjects(second)).contains("\"kept-value\"");
        }
    }

    @Test
    void givenFixedPortTaken_thenStartFailsWithoutTryingOtherPorts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedSchemaRegistryConfig config = EmbeddedSchemaRegistryConfig.defaults()
                    .withWorkDirectory(TestDirs.work().resolve("apicurio"))
                    .withPort(taken.getLocalPort());
            assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(config).close())
                    .isInstanceOf(EmbeddedStartupException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static String subjects(EmbeddedSchemaRegistry registry) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(registry.url() + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
