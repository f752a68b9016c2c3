package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.runtime.Transports;
import io.streamlake.runtime.spi.TransportProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Connect worker started in a JVM whose class path registers a transport of its own ({@link
 * RecordingTransportProvider}, through this module's test {@code META-INF/services}): the plugin's isolated class
 * loader sees that registration too, but the provider implements this JVM's {@code TransportProvider}, not the
 * plugin's. The plugin skips it and runs: {@code demo --connect} ingests through the worker.
 */
class WorkerBesidePluggedTransportTest {

    @TempDir
    Path dir;

    @Test
    void givenATransportRegisteredOnTheWorkersClassPath_thenThePluginStillRuns() throws IOException {
        assertThat(Transports.discover().all())
                .extracting(TransportProvider::name)
                .as("the condition under test: this JVM registers a transport of its own")
                .contains("recording");
        Path plugins = unzipPlugin();

        CliRunner.Result demo =
                new CliRunner(dir).run("demo", "--connect", "--tasks", "1", "--plugin-path", plugins.toString());

        assertThat(demo.code()).as(demo.err() + demo.out()).isZero();
        assertThat(demo.err()).doesNotContain("not a subtype");
        assertThat(demo.out())
                .contains("ingested through Kafka Connect")
                .contains("0 not acknowledged")
                .contains("ingestion_id");
    }

    private Path unzipPlugin() throws IOException {
        Path zip = Path.of(System.getProperty("streamlake.connect.plugin.zip", "missing"));
        assertThat(zip)
                .as(
                        "the plugin zip (mvn -B package -pl streamlake-connect -am -DskipTests; the reactor builds it first)")
                .isRegularFile();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = plugins.resolve(entry.getName()).normalize();
                if (!target.startsWith(plugins)) {
                    throw new IOException("zip entry outside the directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return plugins;
    }
}
