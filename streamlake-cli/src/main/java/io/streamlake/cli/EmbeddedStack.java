package io.streamlake.cli;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.embedded.EmbeddedSchemaRegistry;
import io.streamlake.embedded.EmbeddedSchemaRegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Kafka broker (in-process KRaft) and a real Schema Registry (Apicurio child process) for dev and demo. */
final class EmbeddedStack implements AutoCloseable {

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
        EmbeddedKafkaCluster kafka = quietly(() -> EmbeddedKafkaCluster.start(EmbeddedKafkaConfig.defaults()
                .withBaseDirectory(dataDirectory.resolve("kafka"))));
        try {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.defaults()
                    .withWorkDirectory(dataDirectory.resolve("registry")));
            return new EmbeddedStack(kafka, registry);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * Runs {@code start} with {@link System#out} discarded: Kafka's storage formatter prints to it directly, and
     * the commands' own output goes through {@link io.streamlake.wiring.ConsoleStreams}, made before.
     */
    private static <T> T quietly(java.util.function.Supplier<T> start) {
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return start.get();
        } finally {
            System.setOut(original);
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
