package io.streamlake.schema.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.schema.SchemaRegistryClients;
import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.CompatibilityResult;
import io.streamlake.schema.registry.RegisteredSchema;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryClientContract;
import io.streamlake.schema.registry.SchemaRegistryException;
import io.streamlake.schema.registry.SchemaRegistryUnavailableException;
import io.streamlake.schema.registry.http.FakeRegistryServer.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static final Schema V1 = SchemaRegistryClientContract.V1;
    private static final String LATEST = "{\"subject\":\"s\",\"id\":77,\"version\":3,\"schema\":"
            + new ObjectMapper().valueToTree(V1.toString()) + ",\"references\":[],\"schemaType\":\"AVRO\","
            + "\"extra\":{\"nested\":true}}";

    private FakeRegistryServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeRegistryServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SchemaRegistryClient client(RegistrySettings settings) {
        return SchemaRegistryClients.create(settings);
    }

    private RegistrySettings settings() {
        return RegistrySettings.of(server.url()).withRetries(3, Duration.ofMillis(1));
    }

    @Test
    void given503ThenSuccess_thenRetriedAndSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        server.answer(r -> calls.incrementAndGet() < 3
                ? Response.json(503, "{\"error_code\":50301,\"message\":\"busy\"}")
                : Response.json(200, "[\"a\",\"b\"]"));
        assertThat(client(settings()).subjects()).containsExactly("a", "b");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void givenPersistent5xx_thenRetriableFailureAfterBoundedAttemptsNamingUrlAndStatus() {
        server.answer(r -> Response.json(500, "{\"error_code\":50001,\"message\":\"store down\"}"));
        assertThatThrownBy(() -> client(settings()).subjects())
                .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage())
                            .contains(server.url())
                            .contains("50001")
                            .contains("store down")
                            .contains("4 attempt(s)");
                });
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void given404_thenNoRetryAndErrorCodeSurfaced() {
        server.answer(r -> Response.json(404, "{\"error_code\":40403,\"message\":\"Schema 5 not found\"}"));
        assertThatThrownBy(() -> client(settings()).schemaById(5))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                    assertThat(e.getMessage()).contains(server.url()).contains("Schema 5 not found");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void given409_thenNoRetry() {
        server.answer(r -> Response.json(409, "{\"error_code\":409,\"message\":\"incompatible\"}"));
        assertThatThrownBy(() -> client(settings()).register("s", V1))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(409));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givenRegister_thenMediaTypeAndCompactSchemaTextAreSent_andIdIsReturned() throws Exception {
        server.answer(r -> Response.json(200, "{\"id\":1041}"));
        assertThat(client(settings()).register("orders value/1", V1)).isEqualTo(1041);
        FakeRegistryServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/orders%20value%2F1/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(new ObjectMapper().readTree(request.body()))
                .isEqualTo(new ObjectMapper().createObjectNode().put("schema", V1.toString()));
        assertThat(request.body()).doesNotContain("schemaType");
    }

    @Test
    void givenBasicAuth_thenAuthorizationHeaderIsSent() {
        server.answer(r -> Response.json(200, "[]"));
        client(settings().withBasicAuth("svc:s3cret")).subjects();
        assertThat(server.requests().get(0).header("Authorization"))
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("svc:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenBearerToken_thenAuthorizationHeaderIsSent() {
        server.answer(r -> Response.json(200, "[]"));
        client(settings().withBearerToken("tok-123")).subjects();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void given401_thenFatalWithoutCredentialsInMessageOrSettings() {
        server.answer(r -> Response.json(401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}"));
        RegistrySettings settings = settings().withBasicAuth("svc:s3cret");
        assertThatThrownBy(() -> client(settings).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage())
                            .contains("40101")
                            .contains("basic auth")
                            .doesNotContain("s3cret");
                });
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givenCompatibilityLevelOrCompatibilityField_thenBothAreAccepted() {
        server.answer(r -> r.path().equals("/config")
                ? Response.json(200, "{\"compatibilityLevel\":\"FULL\"}")
                : Response.json(200, "{\"compatibility\":\"NONE\",\"unknown\":1}"));
        SchemaRegistryClient client = client(settings());
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.subjectCompatibility("s")).contains(CompatibilityLevel.NONE);
    }

    @Test
    void givenSetCompatibility_thenPutConfigWithCompatibilityBody() {
        server.answer(r -> Response.json(200, "{\"compatibility\":\"FULL\"}"));
        SchemaRegistryClient client = client(settings());
        client.setGlobalCompatibility(CompatibilityLevel.FULL);
        client.setSubjectCompatibility("s", CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(server.requests())
                .extracting(FakeRegistryServer.Request::method)
                .containsExactly("PUT", "PUT");
        assertThat(server.requests())
                .extracting(FakeRegistryServer.Request::path)
                .containsExactly("/config", "/config/s");
        assertThat(server.requests().get(1).body()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
    }

    @Test
    void givenApplicationJsonWithUnknownFields_thenAnswerIsRead_andIdIsNotTheVersion() {
        server.answer(r -> new Response(200, "application/json", LATEST));
        RegisteredSchema latest = client(settings()).latest("s").orElseThrow();
        assertThat(latest.id()).isEqualTo(77);
        assertThat(latest.version()).isEqualTo(3);
        assertThat(latest.schema()).isEqualTo(V1);
    }

    @Test
    void givenSubjectNotFound_thenLatestIsEmpty_butA404WithoutErrorCodeIsAnError() {
        server.answer(r -> Response.json(404, "{\"error_code\":40401,\"message\":\"Subject 's' not found.\"}"));
        assertThat(client(settings()).latest("s")).isEmpty();
        server.answer(r -> new Response(404, "text/html", "<html>no such route</html>"));
        assertThatThrownBy(() -> client(settings()).latest("s"))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.getMessage()).contains("no such route"));
    }

    @Test
    void givenVerboseCompatibilityAnswer_thenMessagesAreReturned() {
        server.answer(r ->
                Response.json(200, "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT count\"]}"));
        CompatibilityResult result = client(settings()).checkCompatibility("s", V1);
        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).containsExactly("READER_FIELD_MISSING_DEFAULT count");
        assertThat(server.requests().get(0).path()).isEqualTo("/compatibility/subjects/s/versions/latest?verbose=true");
    }

    @Test
    void givenCachingClient_thenRegisterAndSchemaByIdCallTheRegistryOnce() {
        AtomicInteger calls = new AtomicInteger();
        server.answer(r -> {
            calls.incrementAndGet();
            return r.path().startsWith("/schemas/ids/")
                    ? Response.json(200, "{\"schema\":" + new ObjectMapper().valueToTree(V1.toString()) + "}")
                    : Response.json(200, "{\"id\":9}");
        });
        SchemaRegistryClient client = client(settings());
        for (int i = 0; i < 5; i++) {
            assertThat(client.register("s", V1)).isEqualTo(9);
            assertThat(client.schemaById(12)).isEqualTo(V1);
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void givenNothingListening_thenRetriableFailureNamingUrl() {
        String url = server.url();
        server.close();
        assertThatThrownBy(() -> client(RegistrySettings.of(url).withRetries(1, Duration.ofMillis(1)))
                        .subjects())
                .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
                    assertThat(e.getMessage()).contains(url).contains("2 attempt(s)");
                    assertThat(e.status()).isZero();
                });
    }
}
