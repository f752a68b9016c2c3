package io.streamlake.cli.produce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What makes an input file the same file at a later run: its absolute path, its size, and the SHA-256 of its first
 * block ({@value #BLOCK} bytes, or the whole file when it is shorter). A file that grew since is still the same file
 * (lines appended); one that shrank, or whose first block differs, is not.
 *
 * @param path        the absolute, normalized path
 * @param size        the size in bytes
 * @param blockLength how many leading bytes the hash covers
 * @param blockSha256 the hex SHA-256 of those bytes
 */
public record FileIdentity(Path path, long size, int blockLength, String blockSha256) {

    static final int BLOCK = 64 * 1024;

    public FileIdentity {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blockSha256, "blockSha256");
    }

    /** The identity of {@code file} now. */
    public static FileIdentity of(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        long size = Files.size(path);
        int length = (int) Math.min(size, BLOCK);
        return new FileIdentity(path, size, length, sha256(path, length));
    }

    /**
     * What differs between this (recorded) identity and the file as it is now; empty when it is the same file.
     *
     * @throws IOException when the file cannot be read
     */
    public List<String> differences(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        long now = Files.size(file);
        if (now < size) {
            out.add("size shrank from " + size + " to " + now + " bytes");
        } else if (!sha256(file, blockLength).equals(blockSha256)) {
            out.add("the SHA-256 of its first " + blockLength + " bytes differs");
        }
        return out;
    }

    private static String sha256(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readNBytes(length));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
