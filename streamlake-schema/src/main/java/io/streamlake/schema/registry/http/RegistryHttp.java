package io.streamlake.schema.registry.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryException;
import io.streamlake.schema.registry.SchemaRegistryUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry's HTTP transport: JSON bodies with the Confluent media type, authentication, timeouts,
 * retries with exponential backoff on connection errors and 5xx only, and error mapping. Thread-safe.
 */
final class RegistryHttp {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            MEDIA_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);

    private final RegistrySettings settings;
    private final HttpClient client;
    private final Optional<String> authorization;
    final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    RegistryHttp(RegistrySettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .sslContext(TrustStores.sslContext(settings))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.authorization = settings.basicAuthUserInfo()
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)))
                .or(() -> settings.bearerToken().map(t -> "Bearer " + t));
    }

    String url() {
        return settings.url();
    }

    /**
     * Sends a request and returns the parsed JSON answer of a 2xx response.
     *
     * @param body a JSON body, or null for none
     * @throws SchemaRegistryException for a 4xx answer (not retried)
     * @throws SchemaRegistryUnavailableException after the retries, for connection errors and 5xx
     */
    JsonNode send(String method, String path, Object body) {
        HttpRequest request = request(method, path, body);
        int attempt = 0;
        while (true) {
            String failure;
            int status = 0;
            Throwable cause = null;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(method, path, response.body());
                }
                if (status < 500) {
                    throw error(method, path, status, response.body());
                }
                failure = describe(error(method, path, status, response.body()));
            } catch (IOException e) {
                cause = e;
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException(
                        "interrupted while calling schema registry " + url(), 0, e);
            }
            if (attempt >= settings.retries()) {
                throw new SchemaRegistryUnavailableException(
                        "schema registry " + url() + " is unavailable (" + method + " " + path + ", " + (attempt + 1)
                                + " attempt(s)): " + failure,
                        status,
                        cause);
            }
            long wait = Math.min(MAX_BACKOFF.toMillis(), settings.retryBackoff().toMillis() << Math.min(attempt, 20));
            LOG.warn(
                    "schema registry {} {} {} failed ({}); retry {} of {} in {} ms",
                    url(),
                    method,
                    path,
                    failure,
                    attempt + 1,
                    settings.retries(),
                    wait);
            sleep(wait);
            attempt++;
        }
    }

    private HttpRequest request(String method, String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(settings.readTimeout())
                .header("Accept", ACCEPT);
        authorization.ifPresent(a -> builder.header("Authorization", a));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", MEDIA_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode a registry request body", e);
            }
        }
        return builder.build();
    }

    private JsonNode parse(String method, String path, byte[] body) {
        try {
            return body.length == 0 ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    url(), 200, 0, "the answer to " + method + " " + path + " is not JSON: " + snippet(body));
        }
    }

    private SchemaRegistryException error(String method, String path, int status, byte[] body) {
        int code = 0;
        String message = snippet(body);
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                code = node.path("error_code").asInt(0);
                if (node.hasNonNull("message")) {
                    message = node.get("message").asText();
                }
            }
        } catch (IOException e) {
            // not JSON: keep the text snippet
        }
        if (status == 401 || status == 403) {
            message = "authentication or authorization refused ("
                    + (authorization.isPresent()
                            ? "check "
                                    + (settings.basicAuthUserInfo().isPresent()
                                            ? "the basic auth user info"
                                            : "the bearer token")
                            : "no credentials configured")
                    + "): " + message;
        }
        return new SchemaRegistryException(url(), status, code, method + " " + path + ": " + message);
    }

    private static String describe(SchemaRegistryException e) {
        return "HTTP " + e.status() + (e.errorCode() > 0 ? " error_code " + e.errorCode() : "") + ": "
                + e.registryMessage();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException(
                    "interrupted while waiting to retry the schema registry", 0, e);
        }
    }
}
