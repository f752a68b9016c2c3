package io.streamlake.cli.command;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.embedded.EmbeddedSchemaRegistry;
import io.streamlake.embedded.EmbeddedSchemaRegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Kafka broker (in-process KRaft) and a real Schema Registry (Apicurio child process) for dev and demo. */
public final class EmbeddedStack implements AutoCloseable {

    private final EmbeddedKafkaCluster kafka;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedStack(EmbeddedKafkaCluster kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * Starts both, keeping their files under {@code dataDirectory} ({@code kafka/}, {@code registry/}).
     *
     * @throws io.streamlake.embedded.EmbeddedStartupException when one does not become ready in time
     */
    static EmbeddedStack start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory.resolve("kafka"));
            Files.createDirectories(dataDirectory.resolve("registry"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDirectory + ": " + e.getMessage(), e);
        }
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(
                EmbeddedKafkaConfig.defaults().withBaseDirectory(dataDirectory.resolve("kafka")));
        try {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                    EmbeddedSchemaRegistryConfig.defaults().withWorkDirectory(dataDirectory.resolve("registry")));
            return new EmbeddedStack(kafka, registry);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
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
