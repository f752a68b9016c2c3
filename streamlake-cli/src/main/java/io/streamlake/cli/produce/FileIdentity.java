package io.streamlake.cli.produce;

import io.streamlake.core.domain.FileCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What makes an input file the same file at a later run: its real path (symbolic links resolved), its size, and the SHA-256 of its first
 * block ({@value #BLOCK} bytes, or the whole file when it is shorter). A file that grew since is still the same file
 * (lines appended); one that shrank, or whose first block differs, is not. A checkpoint also records the bytes just
 * before its offset ({@link Tail}), checked by {@link #tailDifferences}.
 *
 * @param path        the real path
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
        Path path = file.toRealPath();
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

    /**
     * What lies just before {@code offset} in {@code file}: the hex SHA-256 of the up to {@link FileCheckpoint#TAIL}
     * bytes before it, and whether the byte before it is a line feed (true at offset 0).
     *
     * @param sha256          the hash; empty at offset 0
     * @param endsWithNewline whether the byte before the offset is a line feed
     */
    public record Tail(String sha256, boolean endsWithNewline) {

        /** The tail of {@code file} before {@code offset}. */
        public static Tail of(Path file, long offset) throws IOException {
            if (offset == 0) {
                return new Tail("", true);
            }
            int length = (int) Math.min(offset, FileCheckpoint.TAIL);
            ByteBuffer bytes = ByteBuffer.allocate(length);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long at = offset - length;
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, at + bytes.position()) < 0) {
                        break;
                    }
                }
            }
            byte[] read = Arrays.copyOf(bytes.array(), bytes.position());
            try {
                return new Tail(
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(read)),
                        read.length == length && read[length - 1] == '\n');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    /**
     * What differs between the file as it is now and the bytes before {@code checkpoint}'s offset as it recorded them
     * (nothing when it recorded none), and whether the file grew after a last line that had no line end yet.
     */
    public static List<String> tailDifferences(Path file, FileCheckpoint checkpoint) throws IOException {
        List<String> out = new ArrayList<>();
        if (checkpoint.tailSha256().isEmpty() || checkpoint.offset() == 0) {
            return out;
        }
        Tail now = Tail.of(file, checkpoint.offset());
        if (!now.sha256().equals(checkpoint.tailSha256())) {
            out.add("the " + Math.min(checkpoint.offset(), FileCheckpoint.TAIL) + " bytes before byte "
                    + checkpoint.offset() + " (the end of line " + checkpoint.line() + ") differ");
        } else if (!checkpoint.endsWithNewline() && Files.size(file) > checkpoint.offset()) {
            out.add("it grew after line " + checkpoint.line() + ", which had no line end yet when it was committed");
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
