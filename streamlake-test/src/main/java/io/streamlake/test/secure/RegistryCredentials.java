package io.streamlake.test.secure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What an {@link AuthenticatingRegistryProxy} accepts: HTTP basic authentication as {@code username} with
 * {@code password}, or a bearer token. {@link #toString()} names the user only.
 *
 * @param username    basic-auth user; must not contain {@code ':'}
 * @param password    basic-auth password
 * @param bearerToken token accepted as {@code Authorization: Bearer <token>}
 */
public record RegistryCredentials(String username, String password, String bearerToken) {

    public RegistryCredentials {
        if (username == null || username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("registry user name must be non-empty and contain no ':'");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password of registry user " + username + " must not be empty");
        }
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new IllegalArgumentException("registry bearer token must not be blank");
        }
    }

    /** The {@code Authorization} header value for basic authentication, {@code Basic base64(user:password)}. */
    public String basicAuthorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} header value for the token, {@code Bearer <token>}. */
    public String bearerAuthorization() {
        return "Bearer " + bearerToken;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=(hidden), bearerToken=(hidden)]";
    }
}
