package io.streamlake.schema.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.schema.SchemaRegistryClients;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https registries: a self-signed server certificate is trusted through the configured trust store only. */
class TlsSchemaRegistryClientTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path truststore;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        Path cert = dir.resolve("server.crt");
        keytool(
                "-exportcert",
                "-alias",
                "registry",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                cert.toString());
        truststore = dir.resolve("trust.p12");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "registry-ca",
                "-file",
                cert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                truststore.toString(),
                "-storepass",
                PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = "[\"tls-subject\"]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private RegistrySettings settings(Optional<String> store, Optional<String> password) {
        RegistrySettings base =
                RegistrySettings.of("https://127.0.0.1:" + server.getAddress().getPort());
        return new RegistrySettings(
                base.url(),
                Optional.empty(),
                Optional.empty(),
                store,
                password,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(1));
    }

    @Test
    void givenTrustStoreWithTheServerCertificate_thenHttpsWorks() {
        SchemaRegistryClient client =
                SchemaRegistryClients.create(settings(Optional.of(truststore.toString()), Optional.of(PASSWORD)));
        assertThat(client.subjects()).isEqualTo(List.of("tls-subject"));
    }

    @Test
    void givenDefaultTrustStore_thenTheSelfSignedCertificateIsRefused() {
        SchemaRegistryClient client = SchemaRegistryClients.create(settings(Optional.empty(), Optional.empty()));
        assertThatThrownBy(client::subjects)
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("https://127.0.0.1:");
    }

    @Test
    void givenWrongTrustStorePassword_thenFatalWithoutThePassword() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(
                        settings(Optional.of(truststore.toString()), Optional.of("wrong-pw"))))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("trust.p12")
                .hasMessageNotContaining("wrong-pw");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
