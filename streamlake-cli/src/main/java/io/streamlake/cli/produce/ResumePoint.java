package io.streamlake.cli.produce;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where an interrupted or partly failed {@code produce --file} run can continue: the file's identity, the byte
 * offset of the first line not read, and the re-run file holding the lines read but not acknowledged (none when
 * every line read was acknowledged). Kept as a properties file in {@code .streamlake/<file name>.resume} next to the
 * input file, written atomically (a temporary file, then a rename).
 *
 * @param file      the input file's identity when the run started
 * @param offset    the byte offset of the first line not read
 * @param rerunFile the lines read but not acknowledged, one per line, as they were read
 */
public record ResumePoint(FileIdentity file, long offset, Optional<Path> rerunFile) {

    public ResumePoint {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rerunFile, "rerunFile");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }

    /** Where the resume point of {@code input} is kept. */
    public static Path location(Path input) {
        Path absolute = input.toAbsolutePath().normalize();
        return absolute.resolveSibling(".streamlake").resolve(absolute.getFileName() + ".resume");
    }

    /** The resume point recorded for {@code input}, if any. */
    public static Optional<ResumePoint> read(Path input) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(location(input), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            FileIdentity identity = new FileIdentity(
                    Path.of(p.getProperty("path")),
                    Long.parseLong(p.getProperty("size")),
                    Integer.parseInt(p.getProperty("first.block.length")),
                    p.getProperty("first.block.sha256"));
            String rerun = p.getProperty("rerun.file", "");
            return Optional.of(new ResumePoint(
                    identity,
                    Long.parseLong(p.getProperty("offset")),
                    rerun.isEmpty() ? Optional.empty() : Optional.of(Path.of(rerun))));
        } catch (RuntimeException e) {
            throw new IOException("resume point " + location(input) + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Records this resume point for its file, replacing any earlier one. */
    public void write() {
        Path target = location(file.path());
        Properties p = new Properties();
        p.setProperty("path", file.path().toString());
        p.setProperty("size", Long.toString(file.size()));
        p.setProperty("first.block.length", Integer.toString(file.blockLength()));
        p.setProperty("first.block.sha256", file.blockSha256());
        p.setProperty("offset", Long.toString(offset));
        p.setProperty("rerun.file", rerunFile.map(Path::toString).orElse(""));
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "streamlake produce --resume: where this file's run continues");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the resume point " + target + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the resume point of {@code input} (a run that acknowledged everything to the end). */
    public static void delete(Path input) {
        try {
            Files.deleteIfExists(location(input));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + location(input) + ": " + e.getMessage(), e);
        }
    }
}
