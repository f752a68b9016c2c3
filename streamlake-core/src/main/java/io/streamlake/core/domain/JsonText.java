package io.streamlake.core.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Small JDK-only JSON helpers for the dead-letter value: a strict RFC 8259 syntax check (so a payload is
 * embedded verbatim only when it is certainly JSON), strict UTF-8 decoding, string escaping, and the scanning
 * {@link JsonMembers} reads with.
 */
final class JsonText {

    /** Deeper nesting is not embedded verbatim (it is kept as text instead), so checking never overflows the stack. */
    static final int MAX_DEPTH = 512;
    /**
     * Longer numbers are not embedded verbatim: common JSON readers (Jackson since 2.15) refuse numbers of more
     * than 1,000 characters by default, which would make the dead letter itself unreadable.
     */
    static final int MAX_NUMBER_LENGTH = 1000;

    private final String s;
    private int i;

    private JsonText(String s) {
        this.s = s;
    }

    /** The bytes decoded as UTF-8, or empty when they are not valid UTF-8. */
    static Optional<String> decodeUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** True when {@code text} is exactly one JSON value, surrounded by nothing but JSON white space. */
    static boolean isJson(String text) {
        JsonText p = new JsonText(text);
        try {
            p.ws();
            if (!p.value(0)) {
                return false;
            }
            p.ws();
            return p.i == text.length();
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /**
     * The index just after the one JSON value (nested at most {@link #MAX_DEPTH} deep) that starts at {@code from},
     * or -1 when none starts there.
     */
    static int valueEnd(String text, int from) {
        JsonText p = new JsonText(text);
        p.i = from;
        try {
            return p.value(0) ? p.i : -1;
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** The index of the first character at or after {@code from} that is not JSON white space. */
    static int skipWhitespace(String text, int from) {
        JsonText p = new JsonText(text);
        p.i = from;
        p.ws();
        return p.i;
    }

    /**
     * Appends {@code value} as a JSON string. Control characters, U+2028, U+2029 and surrogates that are not part
     * of a pair are written as JSON unicode escapes, so any Java string reads back identically.
     */
    static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || unpairedSurrogate(value, k)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String value, int k) {
        char c = value.charAt(k);
        if (Character.isHighSurrogate(c)) {
            return k + 1 == value.length() || !Character.isLowSurrogate(value.charAt(k + 1));
        }
        return Character.isLowSurrogate(c) && (k == 0 || !Character.isHighSurrogate(value.charAt(k - 1)));
    }

    private boolean value(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        };
    }

    private boolean object(int depth) {
        i++;
        ws();
        if (s.charAt(i) == '}') {
            i++;
            return true;
        }
        while (true) {
            ws();
            if (s.charAt(i) != '"' || !string()) {
                return false;
            }
            ws();
            if (s.charAt(i++) != ':') {
                return false;
            }
            ws();
            if (!value(depth + 1)) {
                return false;
            }
            ws();
            char c = s.charAt(i++);
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean array(int depth) {
        i++;
        ws();
        if (s.charAt(i) == ']') {
            i++;
            return true;
        }
        while (true) {
            ws();
            if (!value(depth + 1)) {
                return false;
            }
            ws();
            char c = s.charAt(i++);
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean string() {
        i++;
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(s.charAt(i++), 16) < 0) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            }
        }
    }

    private boolean literal(String word) {
        if (s.startsWith(word, i)) {
            i += word.length();
            return true;
        }
        return false;
    }

    private boolean number() {
        int start = i;
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
        } else if (!digits()) {
            return false;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (!digits()) {
                return false;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (!digits()) {
                return false;
            }
        }
        return i > start && i - start <= MAX_NUMBER_LENGTH;
    }

    private boolean digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > start;
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }
}
