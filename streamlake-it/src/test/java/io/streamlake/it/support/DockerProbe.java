package io.streamlake.it.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether a Docker engine answers; never throws (about 1 s without an engine). */
final class DockerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DockerProbe.class);

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        long began = System.nanoTime();
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            LOG.info("Docker probe failed: {}", t.toString());
            available = false;
        }
        LOG.info("Docker engine available: {} (probe took {} ms)", available, (System.nanoTime() - began) / 1_000_000);
        return available;
    }
}
