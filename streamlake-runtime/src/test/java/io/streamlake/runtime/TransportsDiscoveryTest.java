package io.streamlake.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.spi.TransportProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code META-INF/services} entry that cannot be used from here (as in a Kafka Connect plugin, whose loader also
 * sees the worker's class path and the providers registered there) does not stop the others from being found.
 */
class TransportsDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void givenProvidersThatCannotBeLoaded_thenTheyAreSkippedAndTheOthersFound() throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        // a class of another type (what a provider implementing another loader's TransportProvider looks like), and
        // a class that is not there
        Files.writeString(
                services.resolve(TransportProvider.class.getName()),
                TransportsDiscoveryTest.class.getName() + "\ncom.example.streamlake.MissingTransportProvider\n",
                UTF_8);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, Transports.class.getClassLoader())) {
            Transports transports = Transports.discover(loader);

            assertThat(transports.all()).extracting(TransportProvider::name).contains("kafka", "stdout");
            assertThat(transports.get("kafka").getClass().getName())
                    .isEqualTo("io.streamlake.runtime.transport.KafkaTransportProvider");
            assertThatThrownBy(() -> transports.get("missing"))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("transport='missing' is not a known transport")
                    .hasMessageContaining(TransportsDiscoveryTest.class.getName() + " not a subtype")
                    .hasMessageContaining("com.example.streamlake.MissingTransportProvider");
        }
    }

    @Test
    void givenOnlyTheBuiltIns_thenNoneIsSkipped() {
        assertThatThrownBy(() -> Transports.discover().get("missing"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageNotContaining("could not be loaded");
    }
}
