package io.streamlake.it.support;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.embedded.SaslSslSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Starts the shared SASL_SSL cluster: one embedded broker, new TLS material and one SCRAM user. */
final class SecureKafkaSelection {

    static final String USER = "streamlake-it";
    private static final Logger LOG = LoggerFactory.getLogger(SecureKafkaSelection.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureKafkaSelection() {
    }

    static SharedResource<SecureKafkaEndpoint> start(Path workDir) {
        long began = System.nanoTime();
        String password = randomSecret();
        SaslSslSettings settings;
        try {
            Files.createDirectories(workDir.resolve("tls"));
            settings = SaslSslSettings.withGeneratedTls(Files.createTempDirectory(workDir.resolve("tls"), "kafka-"),
                    Map.of(USER, password));
        } catch (IOException e) {
            throw new UncheckedIOException("could not generate TLS material for the SASL_SSL test cluster", e);
        }
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(EmbeddedKafkaConfig.defaults()
                .withBaseDirectory(workDir.resolve("kafka")).withSaslSsl(settings));
        SecureKafkaEndpoint endpoint = new SecureKafkaEndpoint(cluster, USER, password);
        LOG.info("Using {} (started in {} ms)", endpoint, (System.nanoTime() - began) / 1_000_000);
        return new SharedResource<>(endpoint, endpoint.toString(), cluster);
    }

    static String randomSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
