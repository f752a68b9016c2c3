package io.streamlake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedConnectConfigTest {

    @TempDir
    Path dir;

    @Test
    void givenAGroup_thenTheWorkerKeepsItsTopicsUnderThatNameWithReplicationOneOnLoopback() {
        Map<String, String> props =
                EmbeddedConnectWorker.workerProperties(EmbeddedConnectConfig.of("localhost:9092", dir)
                        .withGroupId("dev")
                        .withPort(8083));

        assertThat(props)
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("group.id", "dev")
                .containsEntry("config.storage.topic", "dev-configs")
                .containsEntry("offset.storage.topic", "dev-offsets")
                .containsEntry("status.storage.topic", "dev-status")
                .containsEntry("config.storage.replication.factor", "1")
                .containsEntry("offset.storage.replication.factor", "1")
                .containsEntry("status.storage.replication.factor", "1")
                .containsEntry("listeners", "http://127.0.0.1:8083")
                .containsEntry("plugin.path", dir.toAbsolutePath().toString())
                .containsEntry("exactly.once.source.support", "enabled");
    }

    @Test
    void givenAWorkerProperty_thenItReplacesTheDefault() {
        Map<String, String> props = EmbeddedConnectWorker.workerProperties(
                EmbeddedConnectConfig.of("b:1", dir).withWorkerProperty("exactly.once.source.support", "disabled"));

        assertThat(props).containsEntry("exactly.once.source.support", "disabled");
    }

    @Test
    void givenBadValues_thenTheConfigRefusesThem() {
        EmbeddedConnectConfig config = EmbeddedConnectConfig.of("b:1", dir);
        assertThatThrownBy(() -> config.withPort(70000)).hasMessageContaining("port must be between 0 and 65535");
        assertThatThrownBy(() -> config.withGroupId(" ")).hasMessageContaining("group id");
        assertThatThrownBy(() -> config.withStartupTimeout(Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void givenAPluginPathThatIsNoDirectory_thenStartFailsNamingIt() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> EmbeddedConnectWorker.start(EmbeddedConnectConfig.of("localhost:1", missing)))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining(missing + " is not a directory");
    }
}
