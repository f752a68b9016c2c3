package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FileCheckpoint;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * The records of the checkpoint topic, written and read side by side. Key: the dataset, a colon and the file's real
 * path ({@code orders:/data/orders.jsonl}, UTF-8), so two datasets ingesting one file keep apart checkpoints, as they
 * have apart transactional.ids. Value: one flat JSON object, readable with any consumer:
 * {@code {"dataset":"orders","path":"/data/orders.jsonl","size":123,"first_block_length":65536,"first_block_sha256":"…","offset":4567,"line":89,"tail_sha256":"…","ends_with_newline":true}}
 * ({@code offset}: the first byte not committed; {@code line}: the last line committed; {@code tail_sha256}: the
 * SHA-256 of the up to 4 KiB before {@code offset}, empty when not recorded; {@code ends_with_newline}: whether the
 * last committed line ended with a line feed). A tombstone (null value)
 * resets the file's checkpoint: a later {@code --resume} starts at line 1. Records are written to the partition
 * {@link #partition} gives, and read from it.
 */
public final class CheckpointRecords {

    private CheckpointRecords() {}

    /** The record key of the checkpoints of {@code dataset}'s runs over {@code path}. */
    public static byte[] key(DatasetName dataset, String path) {
        return (dataset.value() + ":" + path).getBytes(UTF_8);
    }

    /** The partition of {@code key} on a checkpoint topic of {@code partitions} partitions (Kafka's default hash). */
    public static int partition(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    public static byte[] value(DatasetName dataset, FileCheckpoint c) {
        StringBuilder out = new StringBuilder(256).append("{\"dataset\":");
        quote(out, dataset.value());
        out.append(",\"path\":");
        quote(out, c.path());
        out.append(",\"size\":").append(c.size());
        out.append(",\"first_block_length\":").append(c.blockLength());
        out.append(",\"first_block_sha256\":");
        quote(out, c.blockSha256());
        out.append(",\"offset\":").append(c.offset());
        out.append(",\"line\":").append(c.line());
        out.append(",\"tail_sha256\":");
        quote(out, c.tailSha256());
        out.append(",\"ends_with_newline\":").append(c.endsWithNewline()).append('}');
        return out.toString().getBytes(UTF_8);
    }

    /**
     * Reads a value {@link #value} wrote for {@code dataset}.
     *
     * @throws IllegalArgumentException when it is not such a value, or one of another dataset
     */
    public static FileCheckpoint parse(DatasetName dataset, byte[] value) {
        Map<String, String> fields = new Flat(new String(value, UTF_8)).read();
        String written = fields.get("dataset");
        if (written == null) {
            throw new IllegalArgumentException("checkpoint written by an older StreamLake: run without --resume");
        }
        if (!written.equals(dataset.value())) {
            throw new IllegalArgumentException(
                    "the checkpoint is of dataset '" + written + "', not '" + dataset.value() + "'");
        }
        try {
            return new FileCheckpoint(
                    require(fields, "path"),
                    Long.parseLong(require(fields, "size")),
                    Integer.parseInt(require(fields, "first_block_length")),
                    require(fields, "first_block_sha256"),
                    Long.parseLong(require(fields, "offset")),
                    Long.parseLong(require(fields, "line")),
                    require(fields, "tail_sha256"),
                    Boolean.parseBoolean(require(fields, "ends_with_newline")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("not a checkpoint: no '" + name + "'");
        }
        return v;
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A parser for one flat JSON object of strings, integers and booleans. */
    private static final class Flat {
        private final String text;
        private int at;

        Flat(String text) {
            this.text = text;
        }

        Map<String, String> read() {
            Map<String, String> out = new HashMap<>();
            expect('{');
            if (peek() == '}') {
                at++;
                return out;
            }
            while (true) {
                String name = string();
                expect(':');
                out.put(name, peek() == '"' ? string() : number());
                char next = next();
                if (next == '}') {
                    return out;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("not a checkpoint: ',' or '}' expected at " + (at - 1));
                }
            }
        }

        private char peek() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                throw new IllegalArgumentException("not a checkpoint: it ends too early");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("not a checkpoint: '" + c + "' expected at " + (at - 1));
            }
        }

        private String number() {
            int start = at;
            while (at < text.length() && (text.charAt(at) == '-' || Character.isLetterOrDigit(text.charAt(at)))) {
                at++;
            }
            return text.substring(start, at);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
            throw new IllegalArgumentException("not a checkpoint: unterminated string");
        }
    }
}
