package io.streamlake.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNode;

/**
 * Where an {@link EmbeddedKafkaCluster} keeps its data: a new directory deleted on close, or a kept one
 * ({@link EmbeddedKafkaConfig#dataDirectory()}) that later clusters reuse.
 *
 * <p>A kept directory is reused by starting the nodes on it with the cluster id found in its {@code
 * meta.properties} files and without formatting: the controller replays its metadata log and the broker loads its
 * log directories, so topics, records and committed offsets are back. Kafka's test kit deletes its base
 * directory when creating the nodes fails (e.g. on an invalid broker property), a kept one included.
 */
record ClusterDirectory(Path path, boolean kept, Optional<String> clusterId) {

    private static final String META_PROPERTIES = "meta.properties";

    static ClusterDirectory create(EmbeddedKafkaConfig config) throws IOException {
        if (config.dataDirectory().isEmpty()) {
            return new ClusterDirectory(
                    Directories.createUnique(config.baseDirectory(), "kafka-"), false, Optional.empty());
        }
        Path dir = config.dataDirectory().get().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        return new ClusterDirectory(
                dir,
                true,
                Optional.of(
                        existingClusterId(dir).orElseGet(() -> Uuid.randomUuid().toString())));
    }

    /**
     * Whether the nodes' directories still need formatting: always for a new directory; for a kept one when none
     * of them holds a {@code meta.properties}.
     *
     * @throws EmbeddedStartupException when only some of them do (left by a cluster of another layout)
     */
    boolean needsFormat(KafkaClusterTestKit kit) {
        if (!kept) {
            return true;
        }
        List<String> missing = new ArrayList<>();
        List<String> all = nodeDirectories(kit);
        for (String dir : all) {
            if (!Files.isRegularFile(Path.of(dir, META_PROPERTIES))) {
                missing.add(dir);
            }
        }
        if (missing.isEmpty()) {
            return false;
        }
        if (missing.size() == all.size()) {
            return true;
        }
        throw new EmbeddedStartupException("the Kafka data directory " + path + " was written by a cluster with "
                + "another number of brokers (no " + META_PROPERTIES + " in " + missing + "); start with the same "
                + "number of brokers, or delete the directory");
    }

    /** Deletes a directory of its own; a kept one stays. */
    void release() {
        if (!kept) {
            Directories.deleteQuietly(path);
        }
    }

    private static List<String> nodeDirectories(KafkaClusterTestKit kit) {
        List<String> dirs = new ArrayList<>();
        Stream.concat(kit.nodes().controllerNodes().values().stream(), kit.nodes().brokerNodes().values().stream())
                .forEach((TestKitNode node) -> {
                    dirs.add(node.metadataDirectory());
                    dirs.addAll(node.logDataDirectories());
                });
        return dirs.stream().distinct().toList();
    }

    /** The {@code cluster.id} of the first node directory below {@code dir} that has a {@code meta.properties}. */
    private static Optional<String> existingClusterId(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                Path meta = child.resolve(META_PROPERTIES);
                if (Files.isRegularFile(meta)) {
                    Properties props = new Properties();
                    try (InputStream in = Files.newInputStream(meta)) {
                        props.load(in);
                    }
                    String id = props.getProperty("cluster.id");
                    if (id != null && !id.isBlank()) {
                        return Optional.of(id);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
