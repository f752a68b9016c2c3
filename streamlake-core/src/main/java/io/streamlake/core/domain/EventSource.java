package io.streamlake.core.domain;

/**
 * Where an event came from: a file and the 1-based number of its line. The CLI's {@code produce --file} sets it for
 * every line it reads (stdin is file {@code -}); a library caller may set it on an {@code IngestCommand}. It is
 * written on every dead letter ({@code dlq_source_file}, {@code dlq_source_line}, and in the DLQ value), and on RAW
 * records only when {@code headers.source=true}.
 *
 * @param file the file as the caller named it, e.g. {@code orders.jsonl}; {@code -} for standard input
 * @param line the line number, from 1
 */
public record EventSource(String file, long line) {

    public EventSource {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("a source needs a file name");
        }
        if (line < 1) {
            throw new IllegalArgumentException("a source line starts at 1, got " + line);
        }
    }

    /** {@code <file>:<line>}, the value of the {@code source} header. */
    public String label() {
        return file + ":" + line;
    }

    /**
     * The label as a URI reference, for CloudEvents' {@code ce_source}: characters a URI does not allow are
     * percent-encoded (UTF-8), and {@code ./} goes first when the text before the first {@code /} holds a colon (it
     * would otherwise read as a URI scheme), e.g. {@code ./orders.jsonl:17}, {@code data/my%20orders.jsonl:3}.
     */
    public String uriReference() {
        String label = label();
        StringBuilder out = new StringBuilder(label.length() + 8);
        int slash = label.indexOf('/');
        int colon = label.indexOf(':');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            out.append("./");
        }
        for (byte b : label.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUriPathChar(c)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
                out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** RFC 3986 unreserved, sub-delims, ':', '@' and '/': what a path may hold unencoded. */
    private static boolean isUriPathChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return label();
    }
}
