package io.streamlake.core.domain;

import java.util.Objects;

/**
 * How far an exactly-once file run got, committed in the same transaction as the records of the lines before it:
 * the file's identity when the run started (its real path, size, and the SHA-256 of its first block), the byte
 * offset of the first line not yet committed, the number of the last line committed (1-based, blank lines
 * counted; 0 before the first line), and what lies just before the offset (the SHA-256 of up to 4 KiB before it,
 * and whether the last committed line ended with a line feed), so that a resumed run can tell a file rewritten
 * behind its first block, or a last line that was still being written, from the file it committed.
 *
 * @param path            the file's real path (symbolic links resolved): with the dataset, the checkpoint's key
 * @param size            the file's size in bytes when the run started
 * @param blockLength     how many leading bytes {@code blockSha256} covers
 * @param blockSha256     the hex SHA-256 of the file's first {@code blockLength} bytes
 * @param offset          the byte offset of the first line whose records are not committed
 * @param line            the line number of the last line whose records are committed
 * @param tailSha256      the hex SHA-256 of the up to 4 KiB before {@code offset}; empty when not recorded
 * @param endsWithNewline whether the byte before {@code offset} is a line feed (true at offset 0)
 */
public record FileCheckpoint(
        String path,
        long size,
        int blockLength,
        String blockSha256,
        long offset,
        long line,
        String tailSha256,
        boolean endsWithNewline) {

    /** How many bytes before the offset {@link #tailSha256} covers at most. */
    public static final int TAIL = 4096;

    public FileCheckpoint {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        Objects.requireNonNull(blockSha256, "blockSha256");
        Objects.requireNonNull(tailSha256, "tailSha256");
        if (size < 0 || blockLength < 0 || offset < 0 || line < 0) {
            throw new IllegalArgumentException("size, block length, offset and line must not be negative");
        }
    }

    /** A checkpoint without what lies before the offset (not recorded: a resumed run cannot check it). */
    public FileCheckpoint(String path, long size, int blockLength, String blockSha256, long offset, long line) {
        this(path, size, blockLength, blockSha256, offset, line, "", true);
    }

    /** The same file, at another offset and line, without what lies before it. */
    public FileCheckpoint at(long newOffset, long newLine) {
        return new FileCheckpoint(path, size, blockLength, blockSha256, newOffset, newLine);
    }

    /** The same file, at another offset and line, with what lies before it. */
    public FileCheckpoint at(long newOffset, long newLine, String newTailSha256, boolean newEndsWithNewline) {
        return new FileCheckpoint(
                path, size, blockLength, blockSha256, newOffset, newLine, newTailSha256, newEndsWithNewline);
    }
}
