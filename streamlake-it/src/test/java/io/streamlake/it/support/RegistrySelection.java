package io.streamlake.it.support;

import io.streamlake.embedded.EmbeddedSchemaRegistry;
import io.streamlake.embedded.EmbeddedSchemaRegistryConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Chooses the Schema Registry of a test run: {@code SCHEMA_REGISTRY_URL} set → that external registry (its
 * Confluent-compatible base URL); else an embedded Apicurio Registry child process.
 */
final class RegistrySelection {

    static final String URL_ENV = "SCHEMA_REGISTRY_URL";

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySelection.class);

    private RegistrySelection() {
    }

    static SharedResource<RegistryEndpoint> start(Path workDir) {
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            String url = external.endsWith("/") ? external.substring(0, external.length() - 1) : external;
            String what = "external Schema Registry at " + url + " (" + URL_ENV + ")";
            LOG.info("Using {}", what);
            return new SharedResource<>(RegistryEndpoint.of(url, what), what, () -> { });
        }
        long began = System.nanoTime();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                EmbeddedSchemaRegistryConfig.defaults().withWorkDirectory(workDir.resolve("apicurio")));
        String what = "embedded Apicurio Registry at " + registry.url() + " (log " + registry.logFile() + ")";
        LOG.info("Using {} (started in {} ms)", what, (System.nanoTime() - began) / 1_000_000);
        return new SharedResource<>(RegistryEndpoint.of(registry.url(), what), what, registry);
    }
}
