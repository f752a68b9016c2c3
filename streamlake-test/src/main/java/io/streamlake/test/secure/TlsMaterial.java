package io.streamlake.test.secure;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PKCS12 key store (private key and certificate of a server) and a PKCS12 trust store (the certificate
 * clients trust), with their passwords. The key's own password equals the key store's.
 *
 * <p>{@link #toString()} shows the paths only; the passwords are never part of it.
 *
 * @param keyStore           PKCS12 file with the server's private key and certificate
 * @param keyStorePassword   password of {@code keyStore} and of the key in it
 * @param trustStore         PKCS12 file with the certificate clients trust
 * @param trustStorePassword password of {@code trustStore}
 */
public record TlsMaterial(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

    /** The key and trust store type, as Kafka's {@code ssl.keystore.type}/{@code ssl.truststore.type} want it. */
    public static final String STORE_TYPE = "PKCS12";

    public TlsMaterial {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        if (keyStorePassword == null || keyStorePassword.isEmpty()) {
            throw new IllegalArgumentException("key store password must not be empty");
        }
        if (trustStorePassword == null || trustStorePassword.isEmpty()) {
            throw new IllegalArgumentException("trust store password must not be empty");
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[keyStore=" + keyStore + ", trustStore=" + trustStore + ", passwords=(hidden)]";
    }
}
