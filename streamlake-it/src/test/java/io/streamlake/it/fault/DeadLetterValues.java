package io.streamlake.it.fault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.core.domain.DeadLetterValue;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a DLQ record's JSON value the way a foreign consumer would (Jackson, no StreamLake code) and checks that it
 * gives back the original payload: byte for byte from {@code payload} for the {@code json}, {@code text} and
 * {@code base64} encodings, or — when {@code payload_truncated} — the first bytes plus the whole payload's size and
 * SHA-256.
 */
final class DeadLetterValues {

    /** Jackson's default limits would refuse some payloads StreamLake embeds verbatim (numbers over 1,000 digits). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(10_000)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private static final ObjectMapper JSON = new ObjectMapper(FACTORY);
    private static final String PREFIX = "{\"" + DeadLetterValue.PAYLOAD + "\":";

    private DeadLetterValues() {}

    /**
     * Asserts that {@code value} is a DLQ JSON value whose payload reproduces {@code input} (or its first
     * {@code limit} bytes, flagged, when longer) and whose reason is not empty.
     *
     * @return the decoded value, for further checks
     */
    static JsonNode assertPreserves(byte[] value, byte[] input, int limit, String what) {
        String text = new String(value, UTF_8);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(what + ": the DLQ value is not JSON: " + e.getMessage(), e);
        }
        assertThat(node.path(DeadLetterValue.ERROR_REASON).asText(""))
                .as(what + ": error_reason")
                .isNotBlank();
        assertThat(node.path(DeadLetterValue.PAYLOAD_SIZE).asLong(-1))
                .as(what + ": payload_size")
                .isEqualTo(input.length);
        assertThat(node.path(DeadLetterValue.PAYLOAD_SHA256).asText())
                .as(what + ": payload_sha256")
                .isEqualTo(DeadLetterValue.sha256(input));
        boolean truncated = input.length > limit;
        assertThat(node.path(DeadLetterValue.PAYLOAD_TRUNCATED).isBoolean())
                .as(what + ": payload_truncated")
                .isTrue();
        assertThat(node.get(DeadLetterValue.PAYLOAD_TRUNCATED).booleanValue())
                .as(what + ": payload_truncated")
                .isEqualTo(truncated);
        String encoding = node.path(DeadLetterValue.PAYLOAD_ENCODING).asText();
        byte[] kept = switch (encoding) {
            case DeadLetterValue.ENCODING_JSON -> rawPayload(text, what).getBytes(UTF_8);
            case DeadLetterValue.ENCODING_TEXT ->
                node.get(DeadLetterValue.PAYLOAD).textValue().getBytes(UTF_8);
            case DeadLetterValue.ENCODING_BASE64 ->
                Base64.getDecoder().decode(node.get(DeadLetterValue.PAYLOAD).textValue());
            default -> throw new AssertionError(what + ": unknown payload_encoding " + encoding);
        };
        if (truncated) {
            assertThat(encoding)
                    .as(what + ": a truncated payload is base64")
                    .isEqualTo(DeadLetterValue.ENCODING_BASE64);
            assertThat(Arrays.equals(kept, Arrays.copyOf(input, limit)))
                    .as(what + ": the first " + limit + " bytes kept")
                    .isTrue();
        } else {
            assertThat(Arrays.equals(kept, input))
                    .as(what + ": payload (" + encoding + ") reproduces the input bytes")
                    .isTrue();
        }
        return node;
    }

    /** The payload's JSON text exactly as embedded: from after {@code {"payload":} to the comma after the value. */
    private static String rawPayload(String value, String what) {
        assertThat(value).as(what).startsWith(PREFIX);
        try (JsonParser parser = FACTORY.createParser(value)) {
            parser.nextToken();
            parser.nextToken();
            assertThat(parser.currentName()).isEqualTo(DeadLetterValue.PAYLOAD);
            JsonToken token = parser.nextToken();
            if (token.isStructStart()) {
                parser.skipChildren();
            } else {
                parser.getText(); // completes a string token, so the location is after its closing quote
            }
            int end = (int) parser.currentLocation().getCharOffset();
            int comma = value.indexOf(",\"" + DeadLetterValue.PAYLOAD_ENCODING + "\":", end);
            assertThat(value.substring(end, comma))
                    .as(what + ": only white space after the payload")
                    .isBlank();
            return value.substring(PREFIX.length(), comma);
        } catch (IOException e) {
            throw new AssertionError(what + ": cannot read the payload of the DLQ value: " + e.getMessage(), e);
        }
    }
}
