package io.streamlake.it.support;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses the Kafka cluster of a test run: {@code KAFKA_BOOTSTRAP_SERVERS} set → that external cluster; else
 * a Docker engine available → a Testcontainers Kafka container; else an embedded in-process broker.
 * System property {@code streamlake.it.kafka} = {@code embedded} or {@code testcontainers} forces a choice
 * (the external variable still wins).
 */
final class KafkaSelection {

    static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    static final String MODE_PROPERTY = "streamlake.it.kafka";
    static final String IMAGE_PROPERTY = "streamlake.it.kafka.image";
    static final String DEFAULT_IMAGE = "apache/kafka:4.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSelection.class);

    private KafkaSelection() {
    }

    static SharedResource<KafkaEndpoint> start(Path workDir) {
        String external = System.getenv(BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            String what = "external Kafka cluster at " + external + " (" + BOOTSTRAP_ENV + ")";
            LOG.info("Using {}", what);
            return new SharedResource<>(KafkaEndpoint.of(external, what), what, () -> { });
        }
        String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        boolean docker = switch (mode) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            case "auto" -> DockerProbe.dockerAvailable();
            default -> throw new IllegalArgumentException(MODE_PROPERTY + " must be auto, embedded or testcontainers, got "
                    + mode);
        };
        return docker ? container() : embedded(workDir);
    }

    private static SharedResource<KafkaEndpoint> container() {
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        long began = System.nanoTime();
        KafkaContainer container = new KafkaContainer(image);
        container.start();
        String what = "Testcontainers Kafka " + image + " at " + container.getBootstrapServers();
        LOG.info("Using {} (started in {} ms)", what, (System.nanoTime() - began) / 1_000_000);
        return new SharedResource<>(KafkaEndpoint.of(container.getBootstrapServers(), what), what, container::stop);
    }

    private static SharedResource<KafkaEndpoint> embedded(Path workDir) {
        long began = System.nanoTime();
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(
                EmbeddedKafkaConfig.defaults().withBaseDirectory(workDir.resolve("kafka")));
        String what = "embedded Kafka broker at " + cluster.bootstrapServers();
        LOG.info("Using {} (started in {} ms)", what, (System.nanoTime() - began) / 1_000_000);
        return new SharedResource<>(KafkaEndpoint.of(cluster.bootstrapServers(), what), what, cluster);
    }
}
