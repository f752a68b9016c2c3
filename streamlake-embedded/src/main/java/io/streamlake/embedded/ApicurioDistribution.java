package io.streamlake.embedded;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds Apicurio Registry's distribution and, for a {@code .tar.gz}, unpacks it once into a cache. */
final class ApicurioDistribution {

    static final String VERSION = "3.0.9";
    static final String PROPERTY = "streamlake.apicurio.dist";
    static final String ENV = "STREAMLAKE_APICURIO_DIST";
    static final String RUNNER_JAR = "apicurio-registry-app-" + VERSION + "-runner.jar";
    static final String ARCHIVE = "apicurio-registry-app-" + VERSION + "-all.tar.gz";
    private static final String COMPLETE_MARKER = ".unpacked";

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioDistribution.class);

    private ApicurioDistribution() {}

    /**
     * The distribution to use: the configured one, else system property {@value #PROPERTY}, else environment
     * variable {@value #ENV}, else the local Maven repository (honouring {@code maven.repo.local}).
     */
    static Path locate(Optional<Path> configured) {
        Optional<Path> explicit = configured
                .map(p -> mustExist(p, "the configured distribution"))
                .or(() -> setting(System.getProperty(PROPERTY), "system property " + PROPERTY))
                .or(() -> setting(System.getenv(ENV), "environment variable " + ENV));
        if (explicit.isPresent()) {
            return explicit.get();
        }
        Path inRepository = localRepository().resolve("io/apicurio/apicurio-registry-app/" + VERSION + "/" + ARCHIVE);
        if (Files.exists(inRepository)) {
            return inRepository;
        }
        throw new EmbeddedStartupException("Apicurio Registry " + VERSION + " distribution not found at " + inRepository
                + ". Run 'mvn -pl streamlake-embedded generate-resources' once (it downloads "
                + "io.apicurio:apicurio-registry-app:" + VERSION + ":tar.gz:all into the local Maven repository) "
                + "or set " + ENV + " to the .tar.gz or an unpacked directory");
    }

    private static Optional<Path> setting(String value, String source) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(v -> mustExist(Path.of(v), source));
    }

    private static Path mustExist(Path path, String source) {
        if (!Files.exists(path)) {
            throw new EmbeddedStartupException(
                    "Apicurio Registry distribution " + path + " (from " + source + ") does not exist");
        }
        return path;
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The runner jar of {@code distribution}, unpacking a {@code .tar.gz} into {@code cacheRoot} first. */
    static Path runnerJar(Path distribution, Path cacheRoot) throws IOException {
        if (Files.isDirectory(distribution)) {
            return findRunner(distribution);
        }
        Path unpacked = cacheRoot.resolve("apicurio-registry-" + VERSION);
        if (!Files.exists(unpacked.resolve(COMPLETE_MARKER))) {
            unpack(distribution, cacheRoot, unpacked);
        }
        return findRunner(unpacked);
    }

    /** Unpacks into a temporary sibling and renames it into place, so concurrent JVMs never see half a tree. */
    private static void unpack(Path archive, Path cacheRoot, Path unpacked) throws IOException {
        long began = System.nanoTime();
        Path tmp = Directories.createUnique(cacheRoot, ".apicurio-unpack-");
        try {
            TarGz.extract(archive, tmp);
            Files.createFile(tmp.resolve(COMPLETE_MARKER));
            if (Files.exists(unpacked) && !Files.exists(unpacked.resolve(COMPLETE_MARKER))) {
                Directories.deleteQuietly(unpacked); // a leftover of an older, interrupted layout
            }
            try {
                Files.move(tmp, unpacked, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, unpacked);
            }
            LOG.info("Unpacked {} into {} in {} ms", archive, unpacked, (System.nanoTime() - began) / 1_000_000);
        } catch (FileAlreadyExistsException e) {
            LOG.info("Another process unpacked Apicurio Registry into {} first", unpacked);
        } catch (IOException e) {
            if (!Files.exists(unpacked.resolve(COMPLETE_MARKER))) {
                throw e;
            }
        } finally {
            Directories.deleteQuietly(tmp);
        }
    }

    private static Path findRunner(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir, 3)) {
            return files.filter(p -> p.getFileName().toString().equals(RUNNER_JAR))
                    .findFirst()
                    .orElseThrow(() -> new EmbeddedStartupException("no " + RUNNER_JAR + " in " + dir));
        }
    }
}
