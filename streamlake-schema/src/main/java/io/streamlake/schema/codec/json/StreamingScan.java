package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The streaming tier of parsing ({@code StreamingScan}, {@code StreamingConformance}, {@code StreamingAvroWriter}): one
 * pass over the tokens of payload bytes that says whether {@link TreeParse} would accept them, without building a tree:
 * exactly one top-level object, nothing after it, no duplicate key in any object, and every value of a kind the tree
 * builder takes without complaint. It may refuse bytes the tree parse would accept (numbers with an exponent or over
 * {@value #MAX_PLAIN_NUMBER_CHARS} characters, payloads over the string limit): a refusal only means "ask
 * {@link TreeParse}", which then gives the exact outcome. The caller checks UTF-8 first. Stateless and thread-safe
 * (each call uses its own Jackson parser); never throws.
 */
final class StreamingScan {

    /** Numbers longer than this are left to the tree parse (its number-length limit and BigDecimal rules). */
    static final int MAX_PLAIN_NUMBER_CHARS = JsonScalars.MAX_PLAIN_DECIMAL_CHARS;

    /** Objects with more keys than this switch from a linear duplicate check to a hash set. */
    private static final int LINEAR_KEYS = 12;

    /** Accepted, but not a flat object: no top-level summary. */
    static final TopLevelScalars NOT_FLAT = new TopLevelScalars();

    private StreamingScan() {}

    /** True when the tree parse of {@code raw} (known to be strict UTF-8) would certainly give Parsed. */
    static boolean accepts(byte[] raw) {
        return scan(raw) != null;
    }

    /**
     * Null when the bytes are not accepted (the tree parse decides); {@link #NOT_FLAT} when they are but some
     * top-level value is an object or array (or there are too many fields); otherwise their top-level scalars.
     */
    static TopLevelScalars scan(byte[] raw) {
        if (raw.length > JsonPayloadParser.MAX_STRING_LENGTH) {
            return null; // strings are only length-checked when a tree is built; big payloads take that path
        }
        try (JsonParser p = StrictJson.FAST_FACTORY.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Keys keys = new Keys();
            TopLevelScalars top = new TopLevelScalars();
            if (!object(p, keys, top) || p.nextToken() != null) {
                return null;
            }
            return keys.flat ? top : NOT_FLAT;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads an object's entries; {@code top} is the summary to fill for the top-level object, else null. */
    private static boolean object(JsonParser p, Keys keys, TopLevelScalars top) throws IOException {
        int start = keys.size;
        Set<String> large = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (large != null) {
                if (!large.add(name)) {
                    return false;
                }
            } else if (keys.contains(start, name)) {
                return false;
            } else if (keys.size - start == LINEAR_KEYS) {
                large = new HashSet<>(keys.range(start));
                large.add(name);
            } else {
                keys.push(name);
            }
            JsonToken valueToken = p.nextToken();
            if (top != null && keys.flat && !top.add(name, p, valueToken)) {
                keys.flat = false;
            }
            if (!value(p, valueToken, keys)) {
                return false;
            }
        }
        keys.size = start;
        return t == JsonToken.END_OBJECT;
    }

    private static boolean value(JsonParser p, JsonToken t, Keys keys) throws IOException {
        if (t == null) {
            return false;
        }
        return switch (t) {
            case START_OBJECT -> object(p, keys, null);
            case START_ARRAY -> array(p, keys);
            // not decoded: Jackson's skipping of a string checks escapes and control characters as decoding does
            // (UTF-8 is checked before, and strings over the length limit need more bytes than this pass takes)
            case VALUE_STRING -> true;
            case VALUE_NUMBER_INT -> p.getTextLength() <= MAX_PLAIN_NUMBER_CHARS;
            case VALUE_NUMBER_FLOAT -> JsonScalars.plainDecimal(p, t);
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> true;
            default -> false;
        };
    }

    private static boolean array(JsonParser p, Keys keys) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!value(p, t, keys)) {
                return false;
            }
        }
        return true;
    }

    /** The keys of the objects being read, innermost last, and whether the top level is flat so far. */
    private static final class Keys {
        String[] names = new String[8];
        int size;
        boolean flat = true;

        boolean contains(int from, String name) {
            for (int i = from; i < size; i++) {
                if (names[i].equals(name)) {
                    return true;
                }
            }
            return false;
        }

        void push(String name) {
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
            }
            names[size++] = name;
        }

        java.util.List<String> range(int from) {
            return java.util.Arrays.asList(names).subList(from, size);
        }
    }
}
