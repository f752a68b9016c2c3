package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What this service ships when it embeds StreamLake: its runtime class path (test scope excluded) holds no logging
 * binding, broker, Scala, Kafka tools or test kits, JMH, picocli, YAML or JUnit. Also writes the class path's size
 * to {@code target/runtime-class-path-size.txt}.
 */
class RuntimeClassPathTest {

    /** File-name prefixes of artifacts a service must never get from StreamLake's runtime. */
    private static final List<String> BANNED = List.of(
            "logback-",
            "slf4j-simple",
            "slf4j-nop",
            "slf4j-jdk14",
            "slf4j-reload4j",
            "slf4j-log4j12",
            "log4j-slf4j",
            "kafka_2.13",
            "scala-",
            "kafka-server",
            "kafka-tools",
            "kafka-test-common",
            "jmh-",
            "picocli",
            "jackson-dataformat-yaml",
            "snakeyaml",
            "junit-",
            "streamlake-cli",
            "streamlake-embedded",
            "streamlake-bench",
            "streamlake-test");

    @Test
    void givenTheServicesRuntimeClassPath_thenItHoldsNoBannedArtifact() throws IOException {
        List<Path> entries = classPath();
        assertTrue(
                entries.stream().anyMatch(p -> p.toString().contains("streamlake-runtime")),
                "the class path names streamlake-runtime: " + entries);

        List<String> banned = new ArrayList<>();
        for (Path entry : entries) {
            String name = artifactName(entry);
            BANNED.stream().filter(name::startsWith).findFirst().ifPresent(b -> banned.add(entry.toString()));
        }
        if (!banned.isEmpty()) {
            fail("the service's runtime class path holds banned artifacts: " + banned);
        }

        long bytes = entries.stream().mapToLong(RuntimeClassPathTest::size).sum();
        String size = String.format(Locale.ROOT, "%d entries, %.1f MB%n", entries.size(), bytes / 1_048_576.0);
        Files.writeString(
                Path.of(System.getProperty("runtime.class.path.file")).resolveSibling("runtime-class-path-size.txt"),
                size);
    }

    private static List<Path> classPath() throws IOException {
        String text = Files.readString(Path.of(System.getProperty("runtime.class.path.file")))
                .trim();
        return Arrays.stream(text.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    }

    /** The artifact's file name, or for a reactor module's classes folder, the module's folder name. */
    private static String artifactName(Path entry) {
        if (Files.isDirectory(entry)
                && entry.getParent() != null
                && entry.getParent().getParent() != null) {
            return entry.getParent().getParent().getFileName().toString();
        }
        return entry.getFileName().toString();
    }

    private static long size(Path entry) {
        if (!Files.isDirectory(entry)) {
            return entry.toFile().length();
        }
        try (Stream<Path> files = Files.walk(entry)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
