package io.streamlake.test.secure;

import com.sun.net.httpserver.HttpExchange;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry that requires credentials, for tests and demos: an HTTP reverse proxy on a free port of
 * {@code 127.0.0.1} in front of an unauthenticated Schema Registry. A request passes only with
 * {@code Authorization: Basic base64(user:password)} or {@code Authorization: Bearer <token>} matching its
 * {@link RegistryCredentials}; any other request gets 401 with {@code WWW-Authenticate: Basic …} and
 * {@code Bearer …} challenges and a Confluent-style JSON error, and never reaches the registry. The
 * {@code Authorization} header is not forwarded upstream.
 *
 * <p>Why a proxy: Apicurio Registry 3.0.9 authenticates bearer tokens only against an OIDC server (Keycloak);
 * its basic authentication alone works with Quarkus' embedded users (see docs/embedded.md), but a proxy serves
 * both schemes in front of the one shared registry and records what clients sent.
 *
 * <p>It records every {@code Authorization} header value it receives ({@link #receivedAuthorizations()}), so
 * a test can assert that credentials were sent, and sent here. Nothing about requests is logged.
 *
 * <p>Thread-safe. Requests are served by a small daemon thread pool. When the registry is unreachable the
 * proxy answers 502.
 */
public final class AuthenticatingRegistryProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatingRegistryProxy.class);
    private static final Set<String> NOT_FORWARDED = Set.of(
            "authorization",
            "connection",
            "content-length",
            "expect",
            "host",
            "keep-alive",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "proxy-connection",
            "date");
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(30);

    private final URI upstream;
    private final RegistryCredentials credentials;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient http;
    private final int port;
    private final List<String> receivedAuthorizations = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private AuthenticatingRegistryProxy(URI upstream, RegistryCredentials credentials) throws IOException {
        this.upstream = upstream;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "streamlake-registry-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        this.port = server.getAddress().getPort();
    }

    /**
     * Starts a proxy for {@code upstreamUrl} (e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}); its
     * {@link #url()} has the same path on the proxy's port.
     *
     * @throws IOException when no port can be bound
     */
    public static AuthenticatingRegistryProxy start(String upstreamUrl, RegistryCredentials credentials)
            throws IOException {
        URI upstream =
                URI.create(Objects.requireNonNull(upstreamUrl, "upstreamUrl").replaceAll("/+$", ""));
        if (upstream.getScheme() == null || upstream.getHost() == null) {
            throw new IllegalArgumentException("upstream must be an absolute http(s) URL, got " + upstreamUrl);
        }
        AuthenticatingRegistryProxy proxy =
                new AuthenticatingRegistryProxy(upstream, Objects.requireNonNull(credentials, "credentials"));
        proxy.server.start();
        LOG.info("Authenticating registry proxy at {} for {} (user {})", proxy.url(), upstream, credentials.username());
        return proxy;
    }

    /** The proxy's URL with the upstream URL's path, e.g. {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port() + (upstream.getRawPath() == null ? "" : upstream.getRawPath());
    }

    public int port() {
        return port;
    }

    public RegistryCredentials credentials() {
        return credentials;
    }

    /** Every {@code Authorization} header value received so far, in arrival order (valid or not). */
    public List<String> receivedAuthorizations() {
        return List.copyOf(receivedAuthorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                receivedAuthorizations.add(authorization);
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!authorized(authorization)) {
                exchange.getResponseHeaders()
                        .add("WWW-Authenticate", "Basic realm=\"schema-registry\", charset=\"UTF-8\"");
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"schema-registry\"");
                respond(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
                return;
            }
            forward(exchange, body);
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null) {
            return false;
        }
        return constantTimeEquals(authorization, credentials.basicAuthorization())
                | constantTimeEquals(authorization, credentials.bearerAuthorization());
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(UPSTREAM_TIMEOUT)
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            respond(exchange, 502, "{\"error_code\":502,\"message\":\"registry unreachable\"}");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "{\"error_code\":503,\"message\":\"proxy stopping\"}");
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = response.body();
        boolean noBody = out.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : out.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    /** Stops accepting requests (waits up to 1 s for running ones) and releases the port. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(1);
        executor.shutdownNow();
        LOG.info("Authenticating registry proxy at 127.0.0.1:{} stopped", port);
    }

    @Override
    public String toString() {
        return "AuthenticatingRegistryProxy[" + url() + " -> " + upstream + ", " + credentials + "]";
    }
}
