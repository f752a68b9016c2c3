package io.streamlake.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./streamlake} launcher's JVM choices, read back from the JVM itself ({@code -XX:+PrintCommandLineFlags}):
 * {@code produce} gets a 512 MB heap and the throughput collector, other commands neither, and the environment
 * overrides replace them. Runs the jar the build made ({@code STREAMLAKE_NO_BUILD}), without the class-data archive.
 */
class LauncherTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LAUNCHER = ROOT.resolve("streamlake");
    private static final Path JAR = ROOT.resolve("streamlake-cli/target/streamlake.jar");

    private record Run(int exit, String out) {}

    private static Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(LAUNCHER) && Files.isRegularFile(JAR), "launcher and CLI jar built");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash");
        List<String> command = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("STREAMLAKE_"));
        pb.environment().put("STREAMLAKE_NO_BUILD", "1");
        pb.environment().put("STREAMLAKE_CDS", "off");
        pb.environment().put("STREAMLAKE_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void givenProduce_thenTheJvmRunsWithA512MbHeapAndTheThroughputCollector() throws Exception {
        Run run = launch(Map.of(), "produce", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: streamlake produce", "-XX:MaxHeapSize=536870912", "-XX:+UseParallelGC");
    }

    @Test
    void givenOtherCommands_thenTheJvmKeepsItsOwnHeapAndCollectorChoice() throws Exception {
        Run run = launch(Map.of(), "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("-XX:MaxHeapSize=536870912", "-XX:+UseParallelGC");
    }

    @Test
    void givenHeapAndGcOverrides_thenTheyReplaceTheLaunchersChoice() throws Exception {
        Run run = launch(
                Map.of("STREAMLAKE_HEAP_OPTS", "-Xmx300m", "STREAMLAKE_GC_OPTS", "-XX:+UseSerialGC"),
                "produce",
                "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("-XX:MaxHeapSize=314572800", "-XX:+UseSerialGC")
                .doesNotContain("-XX:+UseParallelGC");

        Run none = launch(Map.of("STREAMLAKE_GC_OPTS", ""), "produce", "--help");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("-XX:MaxHeapSize=536870912").doesNotContain("-XX:+UseParallelGC");
    }

    @Test
    void givenConnect_thenTheLauncherUnzipsThePluginAndPassesItsPluginPathOn() throws Exception {
        Path zip = Path.of(System.getProperty("streamlake.connect.plugin.zip", "missing"));
        assumeTrue(Files.isRegularFile(zip), "plugin zip built");

        // the plugin path is checked before --tasks: a --tasks error means the launcher's plugin path was accepted
        Run run = launch(Map.of(), "demo", "--connect", "--tasks", "0");

        assertThat(run.out()).contains("--tasks must be at least 1").doesNotContain("Connect plugin");
        assertThat(run.exit()).isEqualTo(2);
        Path plugins = ROOT.resolve("streamlake-connect/target/plugin-path");
        try (var files = Files.walk(plugins)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("streamlake-connect-") && name.endsWith(".jar"));
        }
    }
}
