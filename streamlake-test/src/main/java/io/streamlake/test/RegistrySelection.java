package io.streamlake.test;

import io.streamlake.embedded.EmbeddedSchemaRegistry;
import io.streamlake.embedded.EmbeddedSchemaRegistryConfig;
import io.streamlake.test.EnvironmentSelection.ExternalRegistry;
import io.streamlake.test.EnvironmentSelection.RegistryChoice;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts (or just names) the shared Schema Registry that {@link EnvironmentSelection#registry} chose. */
final class RegistrySelection {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySelection.class);

    private RegistrySelection() {}

    static SharedResource<RegistryEndpoint> start(RegistryChoice choice, Path workDir) {
        long began = System.nanoTime();
        SharedResource<RegistryEndpoint> started;
        if (choice instanceof ExternalRegistry external) {
            String what = "external Schema Registry at " + external.url() + " (" + external.source() + ")";
            started = new SharedResource<>(RegistryEndpoint.of(external.url(), what), what, () -> {});
        } else {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                    EmbeddedSchemaRegistryConfig.defaults().withWorkDirectory(workDir.resolve("apicurio")));
            String what = "embedded Apicurio Registry at " + registry.url() + " (log " + registry.logFile() + ")";
            started = new SharedResource<>(RegistryEndpoint.of(registry.url(), what), what, registry);
        }
        LOG.info("Using {} (ready in {} ms)", started.value().description(), (System.nanoTime() - began) / 1_000_000);
        return started;
    }
}
