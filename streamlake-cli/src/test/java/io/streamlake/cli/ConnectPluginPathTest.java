package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dev and demo with --connect need the plugin: without one, a usage error that says how to get it. */
class ConnectPluginPathTest {

    @TempDir
    Path dir;

    @Test
    void givenNoPluginPath_thenDevConnectSaysHowToGetOne() {
        CliRunner.Result result = new CliRunner(dir).run("dev", "--connect", "--data-dir", "dev");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--connect needs the StreamLake Connect plugin", "--plugin-path DIR");
        assertThat(dir.resolve("dev")).doesNotExist();
    }

    @Test
    void givenAPluginPathWithoutThePlugin_thenDemoConnectNamesIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("plugins"));

        CliRunner.Result result = new CliRunner(dir)
                .env("STREAMLAKE_CONNECT_PLUGIN_PATH", empty.toString())
                .run("demo", "--connect");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("the plugin path " + empty + " holds no Connect plugin");
    }
}
