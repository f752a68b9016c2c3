package io.streamlake.test.secure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedTlsTest {

    @Test
    void givenDirectory_whenGenerated_thenKeyStoreHasKeyAndTrustStoreHasLocalhostCertificate() throws Exception {
        Path dir = Files.createTempDirectory(TestDirs.work(), "tls-");
        TlsMaterial tls = SelfSignedTls.generate(dir);

        KeyStore keys = load(tls.keyStore(), tls.keyStorePassword());
        assertThat(keys.isKeyEntry(SelfSignedTls.ALIAS)).isTrue();
        KeyStore trust = load(tls.trustStore(), tls.trustStorePassword());
        X509Certificate certificate = (X509Certificate) trust.getCertificate(SelfSignedTls.ALIAS);
        assertThat(trust.isCertificateEntry(SelfSignedTls.ALIAS)).isTrue();
        assertThat(certificate).isEqualTo(keys.getCertificate(SelfSignedTls.ALIAS));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        certificate.checkValidity();

        assertThat(tls.toString()).doesNotContain(tls.keyStorePassword()).doesNotContain(tls.trustStorePassword());
        assertThat(tls.keyStorePassword()).isNotEqualTo(tls.trustStorePassword());
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
