package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.FileCheckpoint;
import java.util.HashMap;
import java.util.Map;

/**
 * The records of the checkpoint topic, written and read side by side. Key: the file's absolute path (UTF-8). Value:
 * one flat JSON object, readable with any consumer:
 * {@code {"path":"/data/orders.jsonl","size":123,"first_block_length":65536,"first_block_sha256":"…","offset":4567,"line":89}}
 * ({@code offset}: the first byte not committed; {@code line}: the last line committed).
 */
public final class CheckpointRecords {

    private CheckpointRecords() {}

    /** The record key of {@code path}'s checkpoints. */
    public static byte[] key(String path) {
        return path.getBytes(UTF_8);
    }

    public static byte[] value(FileCheckpoint c) {
        StringBuilder out = new StringBuilder(256).append("{\"path\":");
        quote(out, c.path());
        out.append(",\"size\":").append(c.size());
        out.append(",\"first_block_length\":").append(c.blockLength());
        out.append(",\"first_block_sha256\":");
        quote(out, c.blockSha256());
        out.append(",\"offset\":").append(c.offset());
        out.append(",\"line\":").append(c.line()).append('}');
        return out.toString().getBytes(UTF_8);
    }

    /**
     * Reads a value {@link #value} wrote.
     *
     * @throws IllegalArgumentException when it is not such a value
     */
    public static FileCheckpoint parse(byte[] value) {
        Map<String, String> fields = new Flat(new String(value, UTF_8)).read();
        try {
            return new FileCheckpoint(
                    require(fields, "path"),
                    Long.parseLong(require(fields, "size")),
                    Integer.parseInt(require(fields, "first_block_length")),
                    require(fields, "first_block_sha256"),
                    Long.parseLong(require(fields, "offset")),
                    Long.parseLong(require(fields, "line")));
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

    /** A parser for one flat JSON object of strings and integers. */
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
            while (at < text.length() && (text.charAt(at) == '-' || Character.isDigit(text.charAt(at)))) {
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
