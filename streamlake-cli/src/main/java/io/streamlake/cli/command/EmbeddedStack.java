package io.streamlake.cli.command;

import io.streamlake.embedded.ClientListener;
import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.embedded.EmbeddedSchemaRegistry;
import io.streamlake.embedded.EmbeddedSchemaRegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/** A real Kafka broker (in-process KRaft) and a real Schema Registry (Apicurio child process) for dev and demo. */
public final class EmbeddedStack implements AutoCloseable {

    /** The broker listener clients reach in a kept stack, on its fixed port. */
    static final String CLIENT_LISTENER = "CLIENT";

    private final EmbeddedKafkaCluster kafka;
    private final String bootstrapServers;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedStack(EmbeddedKafkaCluster kafka, String bootstrapServers, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    /**
     * Starts both on free ports, keeping their files under {@code dataDirectory} ({@code kafka/}, {@code
     * registry/}) while they run; the broker's data is deleted on close and the schemas live in memory.
     *
     * @throws io.streamlake.embedded.EmbeddedStartupException when one does not become ready in time
     */
    static EmbeddedStack start(Path dataDirectory) {
        createDirectories(dataDirectory);
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(
                EmbeddedKafkaConfig.defaults().withBaseDirectory(dataDirectory.resolve("kafka")));
        return withRegistry(
                kafka,
                kafka.bootstrapServers(),
                EmbeddedSchemaRegistryConfig.defaults().withWorkDirectory(dataDirectory.resolve("registry")));
    }

    /**
     * Starts both on the given ports with their data kept in {@code dataDirectory}: the broker's in {@code kafka/}
     * (metadata and logs, reused by the next start), the registry's log and schemas (an H2 file) in {@code
     * registry/}. Close leaves the directory in place.
     *
     * @throws io.streamlake.embedded.EmbeddedStartupException when one does not become ready in time or a port is
     *     taken
     */
    static EmbeddedStack startKept(Path dataDirectory, int kafkaPort, int registryPort) {
        createDirectories(dataDirectory);
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(EmbeddedKafkaConfig.defaults()
                .withDataDirectory(dataDirectory.resolve("kafka"))
                .withClientListener(new ClientListener(CLIENT_LISTENER, SecurityProtocol.PLAINTEXT, kafkaPort)));
        Path registryDir = dataDirectory.resolve("registry");
        return withRegistry(
                kafka,
                kafka.listenerBootstrapServers(CLIENT_LISTENER),
                EmbeddedSchemaRegistryConfig.defaults()
                        .withWorkDirectory(registryDir)
                        .withLogFile(registryDir.resolve("apicurio-registry.log"))
                        .withPort(registryPort)
                        .withStorageDirectory(registryDir.resolve("storage")));
    }

    private static EmbeddedStack withRegistry(
            EmbeddedKafkaCluster kafka, String bootstrapServers, EmbeddedSchemaRegistryConfig registryConfig) {
        try {
            return new EmbeddedStack(kafka, bootstrapServers, EmbeddedSchemaRegistry.start(registryConfig));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    private static void createDirectories(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory.resolve("kafka"));
            Files.createDirectories(dataDirectory.resolve("registry"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registry.url();
    }

    Path registryLog() {
        return registry.logFile();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
