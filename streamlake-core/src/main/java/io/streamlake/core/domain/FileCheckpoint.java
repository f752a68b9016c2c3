package io.streamlake.core.domain;

import java.util.Objects;

/**
 * How far an exactly-once file run got, committed in the same transaction as the records of the lines before it:
 * the file's identity when the run started (its absolute path, size, and the SHA-256 of its first block), the byte
 * offset of the first line not yet committed, and the number of the last line committed (1-based, blank lines
 * counted; 0 before the first line).
 *
 * @param path        the file's absolute, normalized path: the checkpoint's key
 * @param size        the file's size in bytes when the run started
 * @param blockLength how many leading bytes {@code blockSha256} covers
 * @param blockSha256 the hex SHA-256 of the file's first {@code blockLength} bytes
 * @param offset      the byte offset of the first line whose records are not committed
 * @param line        the line number of the last line whose records are committed
 */
public record FileCheckpoint(String path, long size, int blockLength, String blockSha256, long offset, long line) {

    public FileCheckpoint {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        Objects.requireNonNull(blockSha256, "blockSha256");
        if (size < 0 || blockLength < 0 || offset < 0 || line < 0) {
            throw new IllegalArgumentException("size, block length, offset and line must not be negative");
        }
    }

    /** The same file, at another offset and line. */
    public FileCheckpoint at(long newOffset, long newLine) {
        return new FileCheckpoint(path, size, blockLength, blockSha256, newOffset, newLine);
    }
}
