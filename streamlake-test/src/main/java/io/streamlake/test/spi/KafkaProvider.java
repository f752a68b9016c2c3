package io.streamlake.test.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Another source of the shared Kafka cluster of {@link io.streamlake.test.StreamLakeExtension}, chosen by name
 * with system property {@code streamlake.it.kafka=<name>}; the built-in choices are {@code embedded} (the
 * default) and an external cluster ({@code streamlake.it.bootstrap.servers}).
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.streamlake.test.spi.KafkaProvider} of the test class path. This is how a
 * Testcontainers broker is plugged in without the testkit depending on Testcontainers: StreamLake's own
 * integration tests ship a provider named {@code testcontainers}; a team that wants one writes the same few
 * lines around {@code org.testcontainers.kafka.KafkaContainer}.
 *
 * <p>An implementation needs a public no-argument constructor. {@link #start} is called at most once per JVM.
 */
public interface KafkaProvider {

    /** The value of {@code streamlake.it.kafka} that selects this provider, e.g. {@code testcontainers}. */
    String name();

    /**
     * Starts a cluster and returns once it accepts clients.
     *
     * @param workDirectory where data and logs may go ({@code target/} under Maven)
     * @throws RuntimeException when the cluster cannot be started; the test that asked for it fails with it
     */
    Started start(Path workDirectory);

    /**
     * A started cluster.
     *
     * @param bootstrapServers its PLAINTEXT {@code host:port} list
     * @param description      what it is, for logs and messages, e.g. {@code Testcontainers Kafka apache/kafka:4.1.0}
     * @param stopper          stops it after the JVM's last test
     */
    record Started(String bootstrapServers, String description, AutoCloseable stopper) {

        public Started {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(stopper, "stopper");
        }
    }
}
