package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.port.out.PayloadParser;
import java.io.IOException;
import java.util.Optional;

/**
 * TEST REFERENCE: a strict JSON parser that builds the tree of every payload, with its own UTF-8 check and no flat or
 * streaming tier, so that differential tests can compare {@link JsonPayloadParser}'s outcomes and reasons with it.
 *
 * <p>Parses payloads as strict JSON: exactly one JSON value, which must be an object; UTF-8 only (no byte
 * order mark); no duplicate keys; nesting at most {@value #MAX_NESTING_DEPTH} deep; strings at most
 * {@value #MAX_STRING_LENGTH} characters; numbers at most {@value #MAX_NUMBER_LENGTH} digits. Floating-point
 * numbers are kept exactly (as {@code BigDecimal}) so decimal fields lose nothing.
 * Malformed input gives {@link ParseOutcome.Malformed} with the position ({@code at column 17} in a one-line payload, {@code at line 2, column 3} otherwise);
 * this class never throws for bad input. Thread-safe.
 */
public final class ReferenceJsonPayloadParser implements PayloadParser {

    public static final int MAX_NESTING_DEPTH = 200;
    public static final int MAX_STRING_LENGTH = 20_000_000;
    public static final int MAX_NUMBER_LENGTH = 1_000;
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

    private final ObjectMapper mapper;

    public ReferenceJsonPayloadParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    @Override
    public ParseOutcome parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return new ParseOutcome.Malformed("empty payload: expected a JSON object");
        }
        Optional<String> encodingProblem = ReferenceUtf8.problem(raw);
        if (encodingProblem.isPresent()) {
            return new ParseOutcome.Malformed(encodingProblem.get());
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(raw);
        } catch (StreamConstraintsException e) {
            return new ParseOutcome.Malformed(constraintReason(e, raw));
        } catch (JsonProcessingException e) {
            return new ParseOutcome.Malformed(
                    "malformed JSON: " + withoutSource(e.getOriginalMessage()) + at(e.getLocation(), raw));
        } catch (IOException e) {
            return new ParseOutcome.Malformed("unreadable JSON: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            return new ParseOutcome.Malformed("payload has no JSON value (only white space)");
        }
        if (!tree.isObject()) {
            return new ParseOutcome.Malformed("the top-level JSON value must be an object, got " + kind(tree));
        }
        return new ParseOutcome.Parsed(new JsonPayload(raw, (ObjectNode) tree));
    }

    /**
     * Jackson names the input inside some messages ("start marker at [Source: REDACTED (...); line: 1, ...]");
     * keep only the position.
     */
    static String withoutSource(String message) {
        return message == null ? "" : message.replaceAll("\\[Source: [^;\\]]*;\\s*", "[");
    }

    private static String constraintReason(StreamConstraintsException e, byte[] raw) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "nesting deeper than " + MAX_NESTING_DEPTH + at(e.getLocation(), raw);
        }
        if (message.contains("String value length")) {
            return "a string is longer than " + MAX_STRING_LENGTH + " characters" + at(e.getLocation(), raw);
        }
        if (message.contains("Number value length")) {
            return "a number is longer than " + MAX_NUMBER_LENGTH + " digits" + at(e.getLocation(), raw);
        }
        return "payload exceeds a parser limit: " + message + at(e.getLocation(), raw);
    }

    private static String at(JsonLocation location, byte[] raw) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        boolean oneLine = true;
        for (byte b : raw) {
            oneLine &= b != '\n' && b != '\r';
        }
        if (location.getLineNr() == 1 && oneLine) {
            return " at column " + location.getColumnNr();
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A strict UTF-8 check written independently of the production {@code Utf8}. */
    static final class ReferenceUtf8 {

        private ReferenceUtf8() {}

        /** Why {@code bytes} are not acceptable UTF-8 JSON text, naming the byte offset; empty when they are. */
        static Optional<String> problem(byte[] bytes) {
            if (bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF
                    && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF) {
                return Optional.of(
                        "payload starts with a UTF-8 byte order mark (EF BB BF); send UTF-8 JSON without a BOM");
            }
            int i = 0;
            int n = bytes.length;
            while (i < n) {
                int b = bytes[i] & 0xFF;
                if (b == 0) {
                    return Optional.of("NUL byte at byte offset " + i
                            + " (payloads must be UTF-8 JSON; UTF-16 and UTF-32 are not accepted)");
                }
                if (b < 0x80) {
                    i++;
                    continue;
                }
                int length;
                int min;
                if (b >= 0xC2 && b <= 0xDF) {
                    length = 2;
                    min = 0x80;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    length = 3;
                    min = 0x800;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    length = 4;
                    min = 0x10000;
                } else {
                    return invalid(i, b);
                }
                if (i + length > n) {
                    return Optional.of("invalid UTF-8: truncated multi-byte sequence at byte offset " + i);
                }
                int cp = b & (0xFF >> (length + 1));
                for (int k = 1; k < length; k++) {
                    int c = bytes[i + k] & 0xFF;
                    if ((c & 0xC0) != 0x80) {
                        return invalid(i + k, c);
                    }
                    cp = (cp << 6) | (c & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    return Optional.of("invalid UTF-8: illegal sequence encoding U+"
                            + Integer.toHexString(cp).toUpperCase() + " at byte offset " + i);
                }
                i += length;
            }
            return Optional.empty();
        }

        private static Optional<String> invalid(int offset, int b) {
            return Optional.of(String.format("invalid UTF-8: unexpected byte 0x%02X at byte offset %d", b, offset));
        }
    }
}
