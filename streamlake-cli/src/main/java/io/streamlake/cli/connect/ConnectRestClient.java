package io.streamlake.cli.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A client of a Kafka Connect worker's REST API (java.net.http, JSON with Jackson). Every failure names the URL.
 * Used from one thread.
 */
final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** An answer: its HTTP status and its JSON body (a missing node when the body was empty or not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The worker's error message ({@code {"error_code":…,"message":…}}), or the status. */
        String message() {
            return body.hasNonNull("message") ? body.get("message").asText() : "HTTP " + status;
        }
    }

    private final String url;
    private final HttpClient http;

    ConnectRestClient(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = URI.create(this.url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "invalid Connect URL '" + url + "': give e.g. http://localhost:8083");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid Connect URL '" + url + "': give e.g. http://localhost:8083", e);
        }
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    String url() {
        return url;
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer put(String path, Map<String, String> body) {
        return send("PUT", path, body);
    }

    /**
     * @throws RetriableStreamLakeException the worker could not be reached (naming the URL)
     */
    private Answer send(String method, String path, Map<String, String> body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT).header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new RetriableStreamLakeException(
                    "cannot reach the Kafka Connect worker at " + url + " (" + describe(e) + "); start one with "
                            + "'streamlake dev --connect', or give its REST URL with --connect-url or "
                            + "STREAMLAKE_CONNECT_URL",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FatalStreamLakeException("interrupted while calling the Kafka Connect worker at " + url, e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null ? cause.getMessage() : "";
        }
        String kind = e instanceof java.net.ConnectException
                ? "connection refused"
                : e instanceof java.net.http.HttpTimeoutException
                        ? "no answer in time"
                        : e.getClass().getSimpleName();
        return message.isBlank() ? kind : kind + ": " + message;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
