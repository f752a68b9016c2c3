package io.streamlake.test.secure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy in front of a small upstream that echoes what it received (the proxy's behaviour does not depend
 * on the registry behind it; streamlake-it's secured-registry test goes through the real Apicurio).
 */
class AuthenticatingRegistryProxyTest {

    private static final RegistryCredentials CREDENTIALS =
            new RegistryCredentials("registry-user", "pa:ss\u00e9word", "tok-123");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> upstreamAuthorizations = new CopyOnWriteArrayList<>();
    private HttpServer upstream;
    private AuthenticatingRegistryProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                upstreamAuthorizations.add(String.valueOf(authorization));
                String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8);
                byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Upstream", "yes");
                exchange.sendResponseHeaders(echo.contains("missing") ? 404 : 200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        upstream.start();
        proxy = AuthenticatingRegistryProxy.start(
                "http://127.0.0.1:" + upstream.getAddress().getPort() + "/apis/ccompat/v7/", CREDENTIALS);
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void givenNoCredentials_then401WithChallenges_andUpstreamNotCalled() throws Exception {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create(proxy.url() + "/subjects")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .anySatisfy(v -> assertThat(v).startsWith("Basic realm="))
                .anySatisfy(v -> assertThat(v).startsWith("Bearer realm="));
        assertThat(response.body()).contains("\"error_code\":401");
        assertThat(upstreamAuthorizations).isEmpty();
        assertThat(proxy.receivedAuthorizations()).isEmpty();
    }

    @Test
    void givenWrongPassword_then401_andTheAttemptIsRecorded() throws Exception {
        String wrong =
                "Basic " + Base64.getEncoder().encodeToString("registry-user:nope".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/subjects"))
                .header("Authorization", wrong)
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(proxy.receivedAuthorizations()).containsExactly(wrong);
        assertThat(upstreamAuthorizations).isEmpty();
    }

    @Test
    void givenBasicCredentials_thenForwardedWithPathQueryAndBody_withoutAuthorization() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(proxy.url() + "/subjects/orders-value/versions?normalize=true"))
                        .header("Authorization", CREDENTIALS.basicAuthorization())
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"s\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("POST /apis/ccompat/v7/subjects/orders-value/versions?normalize=true {\"schema\":\"s\"}");
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("yes");
        assertThat(upstreamAuthorizations).containsExactly("null");
        assertThat(proxy.receivedAuthorizations()).containsExactly(CREDENTIALS.basicAuthorization());
    }

    @Test
    void givenBearerToken_thenForwarded_andUpstreamStatusKept() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/subjects/missing"))
                .header("Authorization", "Bearer tok-123")
                .GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("GET /apis/ccompat/v7/subjects/missing ");
        assertThat(proxy.receivedAuthorizations()).containsExactly("Bearer tok-123");
    }

    @Test
    void givenUpstreamDown_then502() throws Exception {
        upstream.stop(0);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/subjects"))
                .header("Authorization", CREDENTIALS.bearerAuthorization())
                .GET());

        assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void givenCredentials_thenToStringsHideSecrets() {
        assertThat(proxy.url()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
        assertThat(CREDENTIALS + " " + proxy)
                .contains("registry-user")
                .doesNotContain("pa:ss")
                .doesNotContain("tok-123");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
