package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.core.domain.ParseOutcome;
import java.io.IOException;
import java.util.Optional;

/**
 * The tree tier of parsing ({@code TreeParse}, {@code TreeConformance}, {@code TreeAvroWriter}): the complete
 * strict parse that builds the Jackson tree and explains every refusal. {@link JsonPayloadParser} runs it whenever
 * the flat and streaming tiers do not accept the bytes, so every Malformed outcome and its reason (with line and
 * column) comes from here. Stateless and thread-safe; never throws for bad input.
 */
final class TreeParse {

    private TreeParse() {}

    static ParseOutcome parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return new ParseOutcome.Malformed("empty payload: expected a JSON object");
        }
        Optional<String> encodingProblem = Utf8.problem(raw);
        if (encodingProblem.isPresent()) {
            return new ParseOutcome.Malformed(encodingProblem.get());
        }
        JsonNode tree;
        try {
            tree = StrictJson.STRICT_MAPPER.readTree(raw);
        } catch (StreamConstraintsException e) {
            return new ParseOutcome.Malformed(constraintReason(e, raw));
        } catch (JsonProcessingException e) {
            return new ParseOutcome.Malformed(
                    "malformed JSON: " + withoutSource(e.getOriginalMessage()) + at(e.getLocation(), raw));
        } catch (IOException e) {
            return new ParseOutcome.Malformed("unreadable JSON: " + e.getMessage());
        } catch (NumberFormatException e) {
            // BigDecimal refuses an exponent beyond the int range ({"a":1e9999999999}): valid JSON, no number here
            return new ParseOutcome.Malformed("a number's exponent is out of range (" + e.getMessage()
                    + "): numbers must fit a decimal with a 32-bit exponent");
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
            return "nesting deeper than " + JsonPayloadParser.MAX_NESTING_DEPTH + at(e.getLocation(), raw);
        }
        if (message.contains("String value length")) {
            return "a string is longer than " + JsonPayloadParser.MAX_STRING_LENGTH + " characters"
                    + at(e.getLocation(), raw);
        }
        if (message.contains("Number value length")) {
            return "a number is longer than " + JsonPayloadParser.MAX_NUMBER_LENGTH + " digits"
                    + at(e.getLocation(), raw);
        }
        return "payload exceeds a parser limit: " + message + at(e.getLocation(), raw);
    }

    /**
     * The position in the payload: {@code at column 17} when the payload is one line (a line of a JSON Lines file,
     * whose file line the caller names), {@code at line 2, column 3} otherwise.
     */
    private static String at(JsonLocation location, byte[] raw) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        if (location.getLineNr() == 1 && isOneLine(raw)) {
            return " at column " + location.getColumnNr();
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static boolean isOneLine(byte[] raw) {
        for (byte b : raw) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        return true;
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
}
