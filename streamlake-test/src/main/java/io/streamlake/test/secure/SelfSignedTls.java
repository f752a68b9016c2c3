package io.streamlake.test.secure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates TLS material for local servers (the embedded broker's SASL_SSL listener, a dev setup): one
 * self-signed EC (P-256) certificate for {@code CN=localhost} with subject alternative names
 * {@code DNS:localhost} and {@code IP:127.0.0.1}, valid for {@value #VALIDITY_DAYS} days, in a PKCS12 key
 * store, and the same certificate in a PKCS12 trust store. Clients that trust the trust store can connect to
 * {@code localhost} or {@code 127.0.0.1} with host name verification on.
 *
 * <p>Uses the running JDK's {@code keytool} ({@code ${java.home}/bin/keytool}) in a child process for the
 * key pair (the JDK has no public API to create certificates); passwords reach it through its environment,
 * never its command line. Each call makes new random passwords. Takes ~0.5–2 s. Thread-safe.
 *
 * <p>Not for production: the certificate is its own authority.
 */
public final class SelfSignedTls {

    public static final int VALIDITY_DAYS = 2;
    static final String ALIAS = "localhost";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedTls() {}

    /**
     * Writes {@code server.keystore.p12} and {@code client.truststore.p12} into {@code directory} (created if
     * missing; existing files are replaced).
     *
     * @throws IOException when keytool is missing, fails or takes longer than 60 s, or a file cannot be written
     */
    public static TlsMaterial generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path keyStore = directory.resolve("server.keystore.p12");
        Path trustStore = directory.resolve("client.truststore.p12");
        Files.deleteIfExists(keyStore);
        String keyStorePassword = randomPassword();
        String trustStorePassword = randomPassword();
        runKeytool(keyStore, keyStorePassword);
        writeTrustStore(keyStore, keyStorePassword, trustStore, trustStorePassword);
        return new TlsMaterial(keyStore, keyStorePassword, trustStore, trustStorePassword);
    }

    private static void runKeytool(Path keyStore, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(
                keytool.toString(),
                "-genkeypair",
                "-noprompt",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                Integer.toString(VALIDITY_DAYS),
                "-storetype",
                TlsMaterial.STORE_TYPE,
                "-keystore",
                keyStore.toString(),
                "-storepass:env",
                "SL_STOREPASS",
                "-keypass:env",
                "SL_STOREPASS");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SL_STOREPASS", password);
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(keyStore)) {
                throw new IOException("keytool failed with exit code " + process.exitValue() + ": " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private static void writeTrustStore(
            Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, keyStorePassword.toCharArray());
            }
            Certificate certificate = keys.getCertificate(ALIAS);
            KeyStore trust = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, trustStorePassword.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("could not write trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
