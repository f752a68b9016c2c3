package io.streamlake.core.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The members of one JSON object, each kept as its exact JSON text, for reading the dead-letter value: a member
 * holding any JSON (the payload) is available verbatim, white space around it included; the flat ones as strings,
 * numbers and booleans. A name that occurs twice keeps its last value. Immutable.
 */
final class JsonMembers {

    private final Map<String, String> raw;

    private JsonMembers(Map<String, String> raw) {
        this.raw = raw;
    }

    /** The members of {@code text}, or empty when it is not exactly one JSON object (surrounded by white space). */
    static Optional<JsonMembers> of(String text) {
        int n = text.length();
        int i = JsonText.skipWhitespace(text, 0);
        if (i >= n || text.charAt(i) != '{') {
            return Optional.empty();
        }
        Map<String, String> members = new HashMap<>();
        i = JsonText.skipWhitespace(text, i + 1);
        if (i < n && text.charAt(i) == '}') {
            i++;
        } else {
            while (true) {
                if (i >= n || text.charAt(i) != '"') {
                    return Optional.empty();
                }
                int nameEnd = JsonText.valueEnd(text, i);
                if (nameEnd < 0) {
                    return Optional.empty();
                }
                String name = unquote(text.substring(i, nameEnd));
                i = JsonText.skipWhitespace(text, nameEnd);
                if (i >= n || text.charAt(i) != ':') {
                    return Optional.empty();
                }
                int valueStart = i + 1;
                int valueEnd = JsonText.valueEnd(text, JsonText.skipWhitespace(text, valueStart));
                if (valueEnd < 0) {
                    return Optional.empty();
                }
                i = JsonText.skipWhitespace(text, valueEnd);
                members.put(name, text.substring(valueStart, i));
                if (i >= n) {
                    return Optional.empty();
                }
                char c = text.charAt(i++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    return Optional.empty();
                }
                i = JsonText.skipWhitespace(text, i);
            }
        }
        return JsonText.skipWhitespace(text, i) == n ? Optional.of(new JsonMembers(members)) : Optional.empty();
    }

    /**
     * The member's exact JSON text, from after its colon to before the comma or brace that ends it (so with the white
     * space around the value), or null when there is no such member.
     */
    String raw(String name) {
        return raw.get(name);
    }

    /** The member's value as JSON text without the white space around it, or null when there is no such member. */
    private String value(String name) {
        String text = raw.get(name);
        return text == null ? null : text.strip();
    }

    /**
     * A string member's value; null when absent or JSON {@code null}.
     *
     * @throws IllegalArgumentException when the member is not a string
     */
    String string(String name) {
        String value = value(name);
        return value == null || value.equals("null") ? null : unquote(value);
    }

    /**
     * A string member parsed by {@code parser}; null when absent or JSON {@code null}.
     *
     * @throws IllegalArgumentException when the member is not a string (the parser's own failures pass through)
     */
    <T> T parsed(String name, Function<String, T> parser) {
        String value = string(name);
        return value == null ? null : parser.apply(value);
    }

    /**
     * A boolean member; false when absent or JSON {@code null}.
     *
     * @throws IllegalArgumentException when the member is not a boolean
     */
    boolean bool(String name) {
        String value = value(name);
        if (value == null || value.equals("null") || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " is not a boolean");
    }

    /**
     * An integer member; null when absent or JSON {@code null}.
     *
     * @throws IllegalArgumentException when the member is not an integer that fits a {@code long}
     */
    Long number(String name) {
        String value = value(name);
        return value == null || value.equals("null") ? null : Long.valueOf(value);
    }

    /**
     * The value of a JSON string literal, e.g. {@code "a\nb"} (with its quotes).
     *
     * @throws IllegalArgumentException when {@code literal} is not one JSON string
     */
    static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"' || JsonText.valueEnd(literal, 0) != literal.length()) {
            throw new IllegalArgumentException("not a JSON string");
        }
        StringBuilder out = new StringBuilder(literal.length() - 2);
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> out.append(e); // '"', '\\' and '/', the only other escapes a valid literal has
            }
        }
        return out.toString();
    }
}
