package io.streamlake.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A part of one input file, read by one task: the lines that start in bytes {@code [start, end)}, both at line
 * boundaries. The file's size and modification time when it was split are its identity: a file that changed since is a
 * new file. Its source partition ({@link #sourcePartition()}) names the file and the part's start; the source offset
 * says how far the part was read.
 *
 * @param file     the path, as {@code input.path} names it (written as the dead letters' {@code dlq_source_file})
 * @param start    the first byte of the part's first line
 * @param end      the byte after the part's last line (the file's size for its last part)
 * @param size     the file's size when it was split
 * @param modified the file's modification time when it was split, epoch milliseconds
 */
record FileSplit(String file, long start, long end, long size, long modified) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String FILE = "file";
    static final String START = "start";
    static final String POSITION = "position";
    static final String LINE = "line";
    static final String SIZE = "size";
    static final String MODIFIED = "modified";

    FileSplit {
        if (start < 0 || end < start || size < end) {
            throw new IllegalArgumentException(
                    "invalid part " + start + ".." + end + " of " + file + " (" + size + " bytes)");
        }
    }

    /**
     * The source partition: the file and the part's first byte. Connect stores and finds offsets by the partition's
     * serialized bytes, so its entries keep one order ({@code Map.of}'s differs from one JVM to the next: a task moved
     * to another worker would not find its offsets), and that order is {@code file}, {@code start}: the order in which
     * the worker's JSON converter writes these keys again once it has read a stored partition back into a map (as
     * {@code GET /connectors/{name}/offsets} does; in another order, it would find no offset). Checked by
     * {@code SourcePartitionKeyTest}.
     */
    Map<String, Object> sourcePartition() {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put(FILE, file);
        partition.put(START, start);
        return partition;
    }

    /**
     * The source offset after a line.
     *
     * @param position the byte after the line (its line end included)
     * @param line     the line's number in the file, from 1
     */
    Map<String, Object> sourceOffset(long position, long line) {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(POSITION, position);
        offset.put(LINE, line);
        offset.put(SIZE, size);
        offset.put(MODIFIED, modified);
        return offset;
    }

    /** True when a stored offset was taken on this same file (same size and modification time). */
    boolean sameFile(Map<String, Object> offset) {
        return offset != null
                && offset.get(SIZE) instanceof Number s
                && s.longValue() == size
                && offset.get(MODIFIED) instanceof Number m
                && m.longValue() == modified;
    }

    static String encode(List<FileSplit> splits) {
        try {
            return JSON.writeValueAsString(splits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FileSplit> decode(String text) {
        try {
            return JSON.readValue(text, new TypeReference<List<FileSplit>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("invalid task splits: " + e.getMessage(), e);
        }
    }
}
