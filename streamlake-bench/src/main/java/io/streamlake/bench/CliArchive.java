package io.streamlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --cli-cds}: a JDK class-data-sharing archive (AppCDS, JDK 17 dynamic archive) of the classes
 * {@code streamlake produce} loads, made by one untimed run of it before the first pair (2,000 lines to a fresh
 * topic, with {@code -XX:ArchiveClassesAtExit}), then given to every timed StreamLake process with
 * {@code -XX:SharedArchiveFile}: what the {@code streamlake} launcher script does for its users. The JVM's CDS messages
 * are switched off (an archive it cannot use is ignored, and says so only in its log), other JVM warnings go to stderr.
 */
final class CliArchive {

    /** JVM warnings to stderr, none of CDS's (an unusable archive is silently not used). */
    static final List<String> QUIET = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");

    static final int TRAINING_EVENTS = 2_000;

    private CliArchive() {}

    /**
     * Makes the archive, in a training run with {@code jvmArgs}, and returns the JVM options of the timed runs:
     * {@code jvmArgs} and the archive.
     *
     * @throws IllegalArgumentException when the CLI command is not {@code java …} (no JVM options can be added)
     * @throws IllegalStateException    when the training run fails or leaves no archive
     */
    static List<String> create(
            BenchCluster cluster, Workload workload, BenchOptions options, List<String> cli, List<String> jvmArgs)
            throws IOException, InterruptedException {
        if (cli.isEmpty() || !cli.get(0).endsWith("java")) {
            throw new IllegalArgumentException("--cli-cds needs a CLI command that starts with java, got " + cli);
        }
        Path dir = options.workDirectory().toAbsolutePath();
        Path archive = dir.resolve("streamlake-cli.jsa");
        Files.deleteIfExists(archive);
        Path training = workload.writeJsonLines(dir.resolve("bench-orders-cds-training.jsonl"), TRAINING_EVENTS);
        List<String> dump = new ArrayList<>(jvmArgs);
        dump.add("-XX:ArchiveClassesAtExit=" + archive);
        dump.addAll(QUIET);
        RunResult trained = ProcessRun.streamlake(
                cluster,
                training,
                TRAINING_EVENTS,
                -1,
                cli,
                dump,
                dir.resolve("process-logs"),
                ProcessRun.Variant.JSON);
        if (trained.failure().isPresent()) {
            throw new IllegalStateException(
                    "the class-data training run failed: " + trained.failure().get());
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run left no class-data archive at " + archive);
        }
        List<String> use = new ArrayList<>(jvmArgs);
        use.add("-XX:SharedArchiveFile=" + archive);
        use.addAll(QUIET);
        return List.copyOf(use);
    }
}
