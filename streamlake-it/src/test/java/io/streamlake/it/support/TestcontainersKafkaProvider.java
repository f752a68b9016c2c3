package io.streamlake.it.support;

import io.streamlake.test.spi.KafkaProvider;
import java.nio.file.Path;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The shared cluster as a Testcontainers Kafka container, selected with {@code -Dstreamlake.it.kafka=testcontainers}
 * (image: {@value #IMAGE_PROPERTY}, default {@value #DEFAULT_IMAGE}); needs a Docker engine. Registered in
 * {@code META-INF/services/io.streamlake.test.spi.KafkaProvider}, so the testkit finds it without depending on
 * Testcontainers.
 */
public final class TestcontainersKafkaProvider implements KafkaProvider {

    static final String IMAGE_PROPERTY = "streamlake.it.kafka.image";
    static final String DEFAULT_IMAGE = "apache/kafka:4.1.0";

    @Override
    public String name() {
        return "testcontainers";
    }

    @Override
    public Started start(Path workDirectory) {
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        KafkaContainer container = new KafkaContainer(image);
        container.start();
        return new Started(
                container.getBootstrapServers(),
                "Testcontainers Kafka " + image + " at " + container.getBootstrapServers(),
                container::stop);
    }
}
