package io.streamlake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String V1 = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Order\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"order_id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
    private static final String V2_WITHOUT_DEFAULT =
            "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Order\\\","
                    + "\\\"fields\\\":[{\\\"name\\\":\\\"order_id\\\",\\\"type\\\":\\\"string\\\"},"
                    + "{\\\"name\\\":\\\"amount\\\",\\\"type\\\":\\\"double\\\"}]}\"}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedSchemaRegistry registry;

    private static EmbeddedSchemaRegistryConfig config() {
        return EmbeddedSchemaRegistryConfig.defaults()
                .withWorkDirectory(TestDirs.work().resolve("apicurio"));
    }

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(config());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void givenRunningRegistry_whenSchemaRegistered_thenSubjectIsListed() throws Exception {
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
        assertThat(get("/subjects").statusCode()).isEqualTo(200);

        HttpResponse<String> registered = post("/subjects/listed-value/versions", V1);
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).matches("\\{\"id\":\\d+}");
        assertThat(get("/subjects").body()).contains("\"listed-value\"");
    }

    @Test
    void givenGlobalBackwardRule_whenFieldWithoutDefaultAdded_thenRegistryRefusesIt() throws Exception {
        assertThat(post("/subjects/evolving-value/versions", V1).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("/subjects/evolving-value/versions", V2_WITHOUT_DEFAULT);
        assertThat(refused.statusCode()).isEqualTo(409);
    }

    @Test
    void givenStartedRegistry_whenClosed_thenProcessIsGone() {
        EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(config());
        assertThat(second.isAlive()).isTrue();
        assertThat(second.port()).isNotEqualTo(registry.port());
        second.close();
        assertThat(second.isAlive()).isFalse();
        assertThatThrownBy(() -> HTTP.send(
                        HttpRequest.newBuilder(URI.create(second.url() + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void givenStartupTimeoutTooShort_thenErrorNamesTheUrlAndTheLogFile() {
        EmbeddedSchemaRegistryConfig impatient = config().withStartupTimeout(Duration.ofMillis(1));
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(impatient))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining("timed out after 1 ms")
                .hasMessageMatching("(?s).*http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7/subjects.*")
                .hasMessageMatching("(?s).*see .*apicurio-registry-\\d+\\.log.*");
    }

    @Test
    void givenRegistryThatExitsAtStartup_thenErrorNamesTheLogFileAndShowsItsEnd() {
        EmbeddedSchemaRegistryConfig broken = config().withSystemProperty("quarkus.http.port", "not-a-port");
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(broken))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining("exited with code")
                .hasMessageMatching("(?s).*see .*apicurio-registry-\\d+\\.log:.*not-a-port.*");
    }

    @Test
    void givenMissingDistribution_thenErrorNamesThePath() {
        Path missing = TestDirs.work().resolve("no-such-apicurio.tar.gz");
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(config().withDistribution(missing)))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(registry.url() + path))
                        .header("Content-Type", MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
