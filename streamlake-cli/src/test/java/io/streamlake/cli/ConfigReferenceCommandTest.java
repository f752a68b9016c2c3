package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.runtime.config.ConfigReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code streamlake config --reference} prints the reference the runtime generates (and docs/configuration.md holds). */
class ConfigReferenceCommandTest {

    @Test
    void givenTheConfigReferenceCommand_thenItPrintsTheSameText() {
        CliRunner.Result result = new CliRunner(Path.of(".")).run("config", "--reference");

        assertThat(result.out()).isEqualTo(ConfigReference.markdown());
    }
}
