package io.streamlake.test;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import io.streamlake.test.EnvironmentSelection.ExternalKafka;
import io.streamlake.test.EnvironmentSelection.KafkaChoice;
import io.streamlake.test.EnvironmentSelection.ProvidedKafka;
import io.streamlake.test.spi.KafkaProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts (or just names) the shared Kafka cluster that {@link EnvironmentSelection#kafka} chose. */
final class KafkaSelection {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSelection.class);

    private KafkaSelection() {}

    static SharedResource<KafkaEndpoint> start(KafkaChoice choice, Path workDir) {
        long began = System.nanoTime();
        SharedResource<KafkaEndpoint> started;
        if (choice instanceof ExternalKafka external) {
            String what = "external Kafka cluster at " + external.bootstrapServers() + " (" + external.source() + ")";
            started = new SharedResource<>(KafkaEndpoint.of(external.bootstrapServers(), what), what, () -> {});
        } else if (choice instanceof ProvidedKafka provided) {
            KafkaProvider.Started kafka = provider(provided.name()).start(workDir);
            started = new SharedResource<>(
                    KafkaEndpoint.of(kafka.bootstrapServers(), kafka.description()),
                    kafka.description(),
                    kafka.stopper());
        } else {
            EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(
                    EmbeddedKafkaConfig.defaults().withBaseDirectory(workDir.resolve("kafka")));
            String what = "embedded Kafka broker at " + cluster.bootstrapServers();
            started = new SharedResource<>(KafkaEndpoint.of(cluster.bootstrapServers(), what), what, cluster);
        }
        LOG.info("Using {} (ready in {} ms)", started.value().description(), (System.nanoTime() - began) / 1_000_000);
        return started;
    }

    private static KafkaProvider provider(String name) {
        List<KafkaProvider> all = ServiceLoader.load(KafkaProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        return all.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(EnvironmentSelection.KAFKA_PROPERTY + "=" + name
                        + " but no "
                        + KafkaProvider.class.getName() + " named " + name + " is on the test class path (found "
                        + all.stream().map(KafkaProvider::name).toList() + "); use " + EnvironmentSelection.EMBEDDED
                        + ", or " + EnvironmentSelection.BOOTSTRAP_PROPERTY + " for a running cluster"));
    }
}
