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
 * {@code produce} gets a 512 MB heap and the serial collector, other commands neither, and the environment
 * overrides replace them. Runs the jar the build made ({@code STREAMLAKE_NO_BUILD}), without the class-data archive.
 */
class LauncherTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LAUNCHER = ROOT.resolve("streamlake");
    private static final Path JAR = ROOT.resolve("streamlake-cli/target/streamlake.jar");

    private record Run(int exit, String out) {}

    private static Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>();
        all.put("STREAMLAKE_CDS", "off");
        all.put("STREAMLAKE_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        all.putAll(env);
        Separate run = launchSeparately(all, args);
        return new Run(run.exit(), run.out() + run.err());
    }

    private record Separate(int exit, String out, String err) {}

    /** Runs the launcher with {@code env} over a clean StreamLake environment; stdout and stderr apart. */
    private static Separate launchSeparately(Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(LAUNCHER) && Files.isRegularFile(JAR), "launcher and CLI jar built");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash");
        List<String> command = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("STREAMLAKE_"));
        pb.environment().put("STREAMLAKE_NO_BUILD", "1");
        pb.environment().putAll(env);
        Path err = Files.createTempFile("launcher", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return new Separate(
                    p.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** The launcher's JVM options with the origin of every flag: "{command line}" for one it passed. */
    private static final Map<String, String> FLAGS =
            Map.of("STREAMLAKE_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:+PrintFlagsFinal");

    /**
     * Whether {@code out} of a {@link #FLAGS} run shows the boolean JVM flag {@code name} switched on by the command
     * line: not by the JVM's own ergonomics, which pick a collector by the machine (the serial one below 2 CPUs).
     */
    private static boolean onByCommandLine(String out, String name) {
        return java.util.regex.Pattern.compile("\\bbool " + name + "\\s+= true\\s+\\{product\\} \\{command line\\}")
                .matcher(out)
                .find();
    }

    @Test
    void givenProduce_thenTheJvmRunsWithA512MbHeapAndTheSerialCollector() throws Exception {
        Run run = launch(FLAGS, "produce", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: streamlake produce", "-XX:MaxHeapSize=536870912");
        assertThat(onByCommandLine(run.out(), "UseSerialGC")).isTrue();
    }

    @Test
    void givenOtherCommands_thenTheJvmKeepsItsOwnHeapAndCollectorChoice() throws Exception {
        Run run = launch(FLAGS, "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("-XX:MaxHeapSize=536870912");
        assertThat(onByCommandLine(run.out(), "UseSerialGC")).isFalse();
    }

    @Test
    void givenHeapAndGcOverrides_thenTheyReplaceTheLaunchersChoice() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(FLAGS);
        env.putAll(Map.of("STREAMLAKE_HEAP_OPTS", "-Xmx300m", "STREAMLAKE_GC_OPTS", "-XX:+UseParallelGC"));
        Run run = launch(env, "produce", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("-XX:MaxHeapSize=314572800", "-XX:+UseParallelGC");
        assertThat(onByCommandLine(run.out(), "UseSerialGC")).isFalse();

        env = new java.util.HashMap<>(FLAGS);
        env.put("STREAMLAKE_GC_OPTS", "");
        Run none = launch(env, "produce", "--help");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("-XX:MaxHeapSize=536870912");
        assertThat(onByCommandLine(none.out(), "UseSerialGC")).isFalse();
    }

    @Test
    void givenASmallProduceInput_thenOnlyTheQuickCompiler_otherwiseALaterOptimizingCompiler(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path small = dir.resolve("small.jsonl");
        Files.writeString(small, "{\"order_id\":\"ORD-1\",\"amount\":1.5}\n");
        Path medium = dir.resolve("medium.jsonl");
        Files.write(medium, new byte[1024 * 1024]);
        Path large = dir.resolve("large.jsonl");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(16L * 1024 * 1024); // 16 MiB, the threshold (sparse: nothing written)
        }

        assertThat(launch(Map.of(), "produce", "--file", small.toString(), "--help")
                        .out())
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(launch(Map.of(), "produce", "--file=" + small, "--help").out())
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(launch(Map.of(), "produce", "--payload", "{}", "--help").out())
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(launch(Map.of(), "produce", "--file", medium.toString(), "--help")
                        .out())
                .contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("Tier4", "InlineSmallCode");
        assertThat(launch(Map.of(), "produce", "--file", large.toString(), "--help")
                        .out())
                .contains("Usage: streamlake produce")
                .doesNotContain("TieredStopAtLevel")
                .contains(
                        "-XX:Tier4InvocationThreshold=20000",
                        "-XX:Tier4CompileThreshold=30000",
                        "-XX:InlineSmallCode=1000");
        assertThat(launch(Map.of(), "produce", "--file", "-", "--help").out())
                .doesNotContain("TieredStopAtLevel")
                .contains("-XX:Tier4InvocationThreshold=20000");
        assertThat(launch(Map.of(), "consume", "--help").out())
                .doesNotContain("TieredStopAtLevel")
                .doesNotContain("Tier4");
        assertThat(launch(Map.of("STREAMLAKE_JIT_OPTS", ""), "produce", "--file", small.toString(), "--help")
                        .out())
                .doesNotContain("TieredStopAtLevel")
                .doesNotContain("Tier4");
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

    /**
     * A JDK of {@code javaVersion} (its {@code release} file) whose {@code bin/java} appends its arguments to
     * {@code calls}, writes the files its cache options name, as the JVM would, prints one line and exits with
     * {@code FAKE_JAVA_EXIT} (0 by default).
     */
    private static Path fakeJdk(Path dir, String javaVersion) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/bash
                echo "$*" >> "${0%/bin/java}/calls"
                for arg in "$@"; do
                  case "$arg" in
                    -XX:AOTConfiguration=*) [[ " $* " == *" -XX:AOTMode=record "* ]] && echo conf > "${arg#*=}" ;;
                    -XX:AOTCache=*) [[ " $* " == *" -XX:AOTMode=create "* ]] && echo cache > "${arg#*=}" ;;
                    -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}" ;;
                  esac
                done
                echo "fake java ran"
                exit "${FAKE_JAVA_EXIT:-0}"
                """);
        assertThat(java.toFile().setExecutable(true)).isTrue();
        return dir;
    }

    private static List<String> calls(Path jdk) throws IOException {
        Path calls = jdk.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** The value of {@code -XX:<option>=} in {@code call}. */
    private static Path option(String call, String option) {
        String prefix = "-XX:" + option + "=";
        return java.util.Arrays.stream(call.split(" "))
                .filter(a -> a.startsWith(prefix))
                .map(a -> Path.of(a.substring(prefix.length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in: " + call));
    }

    @Test
    void givenJavaHomeWithJava25_thenProduceRecordsAnAotCacheOnce_andLaterRunsStartFromIt(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jdk = fakeJdk(dir.resolve("jdk"), "25.0.1");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
        Path cache = null;
        try {
            Separate first = launchSeparately(env, "produce", "--dataset", "orders", "--payload", "{}");

            assertThat(first.exit()).isZero();
            assertThat(first.out()).isEqualTo("fake java ran\n"); // the cache's assembly prints nothing
            List<String> calls = calls(jdk);
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0))
                    .contains("-XX:AOTMode=record", "-XX:-DisplayVMOutput", "-Xlog:aot*=off:stderr", "-jar " + JAR)
                    .doesNotContain("ArchiveClassesAtExit", "SharedArchiveFile");
            assertThat(calls.get(1)).contains("-XX:AOTMode=create", "-cp " + JAR);
            assertThat(option(calls.get(1), "AOTConfiguration")).isEqualTo(option(calls.get(0), "AOTConfiguration"));

            Separate second = launchSeparately(env, "produce", "--dataset", "orders", "--payload", "{}");
            Separate other = launchSeparately(env, "--version");

            assertThat(second.exit()).isZero();
            assertThat(other.exit()).isZero();
            calls = calls(jdk);
            assertThat(calls).hasSize(4);
            cache = option(calls.get(2), "AOTCache");
            assertThat(cache.getFileName().toString()).startsWith("streamlake-").endsWith(".aot");
            assertThat(cache.getParent()).isEqualTo(JAR.getParent());
            assertThat(Files.readString(cache)).isEqualTo("cache\n");
            assertThat(calls.get(2)).doesNotContain("AOTMode", "AOTConfiguration");
            assertThat(calls.get(3)).contains("-XX:AOTCache=" + cache).doesNotContain("AOTMode");
            try (var files = Files.list(JAR.getParent())) { // the record and the cache's temporary file are gone
                String temporary = cache + ".";
                assertThat(files.map(Path::toString)).noneMatch(f -> f.startsWith(temporary));
            }

            // a cache older than the jar is not used; the next produce records it again
            Files.setLastModifiedTime(
                    cache,
                    java.nio.file.attribute.FileTime.fromMillis(
                            Files.getLastModifiedTime(JAR).toMillis() - 3_600_000));
            assertThat(launchSeparately(env, "produce", "--dataset", "orders", "--payload", "{}")
                            .exit())
                    .isZero();
            calls = calls(jdk);
            assertThat(calls).hasSize(6);
            assertThat(calls.get(4)).contains("-XX:AOTMode=record");
            assertThat(calls.get(5)).contains("-XX:AOTMode=create");
        } finally {
            if (cache != null) {
                Files.deleteIfExists(cache);
            }
        }
    }

    @Test
    void givenJava17_thenProduceWritesAnAppCdsArchive_andAFailedRunKeepsNone(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path jdk = fakeJdk(dir.resolve("jdk"), "17.0.9");
        Path archive = null;
        try {
            Separate failed = launchSeparately(
                    Map.of("JAVA_HOME", jdk.toString(), "FAKE_JAVA_EXIT", "1"), "produce", "--payload", "{}");

            assertThat(failed.exit()).isEqualTo(1);
            List<String> calls = calls(jdk);
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0)).contains("-XX:ArchiveClassesAtExit=").doesNotContain("AOT");
            assertThat(option(calls.get(0), "ArchiveClassesAtExit")).doesNotExist();

            Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
            assertThat(launchSeparately(env, "produce", "--payload", "{}").exit())
                    .isZero();
            assertThat(launchSeparately(env, "produce", "--payload", "{}").exit())
                    .isZero();

            calls = calls(jdk);
            assertThat(calls).hasSize(3);
            assertThat(calls.get(1)).contains("-XX:ArchiveClassesAtExit=");
            archive = option(calls.get(2), "SharedArchiveFile");
            assertThat(archive.getFileName().toString()).endsWith(".jsa");
            assertThat(Files.readString(archive)).isEqualTo("archive\n");
        } finally {
            if (archive != null) {
                Files.deleteIfExists(archive);
            }
        }
    }

    @Test
    void givenCdsOff_thenNoCacheOptionWhatever_theJava(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jdk = fakeJdk(dir.resolve("jdk"), "25");

        Separate run =
                launchSeparately(Map.of("JAVA_HOME", jdk.toString(), "STREAMLAKE_CDS", "off"), "produce", "--help");

        assertThat(run.exit()).isZero();
        assertThat(calls(jdk)).singleElement().asString().doesNotContain("AOT", "Archive");
    }

    @Test
    void givenJavaHomeWithoutJava_thenExitTwoNamingIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Separate run = launchSeparately(Map.of("JAVA_HOME", dir.toString()), "--version");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("JAVA_HOME", dir.toString(), "bin/java");
        assertThat(run.out()).isEmpty();
    }

    /**
     * A real JDK 25 (Temurin's, where the machines have it; {@code -Dstreamlake.test.jdk25=HOME} for another): stdout
     * carries the records and nothing of the JVM's, whether the run records the cache, starts from it, or meets a
     * cache it cannot use.
     */
    @Test
    void givenARealJava25_thenStdoutCarriesOnlyRecords_withACacheRecorded_used_orUnusable(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jdk = Path.of(System.getProperty("streamlake.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(Files.isExecutable(jdk.resolve("bin/java")), "a JDK 25 at " + jdk);
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"order_id\":\"ORD-1\",\"amount\":1.5}\n");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
        String[] produce = {
            "produce",
            "--dataset",
            "orders",
            "--key-field",
            "order_id",
            "--file",
            file.toString(),
            "--transport",
            "stdout"
        };
        for (Path cache : caches()) { // so that the first run records one
            Files.delete(cache);
        }

        Separate recorded = launchSeparately(env, produce);
        java.util.Set<Path> made = caches();
        Separate used = launchSeparately(env, produce);
        for (Path cache : made) {
            Files.write(cache, new byte[] {1, 2, 3}); // newer than the jar, and not a cache
        }
        Separate unusable = launchSeparately(env, produce);
        made.forEach(c -> c.toFile().delete());

        for (Separate run : List.of(recorded, used, unusable)) {
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().lines().toList())
                    .singleElement()
                    .asString()
                    .startsWith("{\"topic\":\"streamlake.orders.raw\",\"key\":\"ORD-1\"");
            assertThat(run.err()).contains("published:     1").doesNotContainIgnoringCase("aot");
        }
        assertThat(made).as("the cache the first run recorded").hasSize(1);
    }

    /** The AOT caches beside the jar that are newer than it (those the launcher uses). */
    private static java.util.Set<Path> caches() throws IOException {
        long jar = Files.getLastModifiedTime(JAR).toMillis();
        try (var files = Files.list(JAR.getParent())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".aot"))
                    .filter(f -> f.toFile().lastModified() > jar)
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
