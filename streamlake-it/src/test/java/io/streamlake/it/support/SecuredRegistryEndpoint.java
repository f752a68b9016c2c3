package io.streamlake.it.support;

import io.streamlake.test.RegistryEndpoint;
import io.streamlake.test.SharedResource;
import io.streamlake.test.secure.AuthenticatingRegistryProxy;
import io.streamlake.test.secure.RegistryCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A Schema Registry that requires credentials: HTTP basic ({@link #username()}/{@link #password()}) or a
 * bearer {@link #token()}; anything else gets 401. It is an {@link AuthenticatingRegistryProxy} in front of the
 * shared {@link RegistryEndpoint} (same schemas and ids), shared by the tests of a JVM; the credentials are
 * random per JVM.
 *
 * <p>{@link #receivedAuthorizations()} lists every {@code Authorization} header the registry received (from all
 * tests of the JVM), so a test can assert its credentials were sent here. Thread-safe; {@link #toString()}
 * shows no secret.
 */
public final class SecuredRegistryEndpoint {

    private final AuthenticatingRegistryProxy proxy;
    private final RegistryEndpoint upstream;

    SecuredRegistryEndpoint(AuthenticatingRegistryProxy proxy, RegistryEndpoint upstream) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    /** The Confluent-compatible API base that requires credentials, e.g. {@code http://127.0.0.1:p/apis/ccompat/v7}. */
    public String url() {
        return proxy.url();
    }

    public String username() {
        return proxy.credentials().username();
    }

    public String password() {
        return proxy.credentials().password();
    }

    /** A bearer token the registry accepts ({@code Authorization: Bearer <token>}). */
    public String token() {
        return proxy.credentials().bearerToken();
    }

    /** {@code Basic base64(username:password)}, as a client should send it. */
    public String basicAuthorization() {
        return proxy.credentials().basicAuthorization();
    }

    /** Every {@code Authorization} header value received so far, valid or not, in arrival order. */
    public List<String> receivedAuthorizations() {
        return proxy.receivedAuthorizations();
    }

    /** The same registry without authentication (for setting up or checking what was registered). */
    public RegistryEndpoint unsecured() {
        return upstream;
    }

    /** A new subject name {@code <base>-<run>-<n>}. */
    public String uniqueSubject(String base) {
        return upstream.uniqueSubject(base);
    }

    @Override
    public String toString() {
        return "SecuredRegistryEndpoint[" + url() + " -> " + upstream.url() + ", user " + username() + "]";
    }

    static SharedResource<SecuredRegistryEndpoint> start(RegistryEndpoint upstream) {
        RegistryCredentials credentials = new RegistryCredentials(
                "streamlake-it", SecureKafkaEndpoint.randomSecret(), SecureKafkaEndpoint.randomSecret());
        AuthenticatingRegistryProxy proxy;
        try {
            proxy = AuthenticatingRegistryProxy.start(upstream.url(), credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the authenticating registry proxy", e);
        }
        SecuredRegistryEndpoint endpoint = new SecuredRegistryEndpoint(proxy, upstream);
        return new SharedResource<>(endpoint, endpoint.toString(), proxy);
    }
}
