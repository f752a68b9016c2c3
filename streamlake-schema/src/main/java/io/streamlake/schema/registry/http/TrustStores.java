package io.streamlake.schema.registry.http;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.schema.registry.RegistrySettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The SSL context for https registries: the JVM default, or one trusting a configured trust store. */
final class TrustStores {

    private TrustStores() {}

    static SSLContext sslContext(RegistrySettings settings) {
        try {
            if (settings.truststoreLocation().isEmpty()) {
                return SSLContext.getDefault();
            }
            Path path = Path.of(settings.truststoreLocation().get());
            char[] password =
                    settings.truststorePassword().map(String::toCharArray).orElse(null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (NoSuchAlgorithmException e) {
            throw new FatalStreamLakeException("no default TLS context in this JVM: " + e.getMessage(), e);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new FatalStreamLakeException(
                    "cannot load the schema registry trust store "
                            + settings.truststoreLocation().orElse("") + ": "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
    }
}
