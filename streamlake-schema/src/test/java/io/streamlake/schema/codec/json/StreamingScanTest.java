package io.streamlake.schema.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.ParseOutcome;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming pass accepts ordinary objects without a tree and hands everything else to the tree parse. */
class StreamingScanTest {

    private final JsonPayloadParser parser = new JsonPayloadParser();
    private final ReferenceJsonPayloadParser reference = new ReferenceJsonPayloadParser();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenOrdinaryObject_thenAcceptedWithoutTree() {
        byte[] raw = bytes(
                "{\"order_id\":\"ord-00000042-abcd\",\"amount\":123.45,\"currency\":\"EUR\",\"n\":[1,{\"a\":null}]}");
        assertThat(StreamingScan.accepts(raw)).isTrue();
        JsonPayload payload = (JsonPayload) ((ParseOutcome.Parsed) parser.parse(raw)).payload();
        assertThat(payload.hasTree()).isFalse();
        assertThat(payload.textField("order_id")).contains("ord-00000042-abcd");
        assertThat(payload.textField("n")).isEmpty();
        assertThat(payload.textField("missing")).isEmpty();
        assertThat(payload.hasTree()).isFalse();
        assertThat(payload.textField("amount")).contains("123.45");
        assertThat(payload.hasTree()).as("numbers are rendered by the tree").isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":\"\\q\"}", // invalid escape
                "{\"a\":\"\\u12\"}", // short unicode escape
                "{\"a\":\"tab\there\"}", // raw control character
                "{\"a\":1,\"a\":2}", // duplicate key
                "{\"x\":{\"b\":1,\"c\":2,\"b\":3}}", // duplicate key, nested
                "{\"a\":1} {\"b\":2}", // trailing object
                "{\"a\":1} x", // trailing garbage
                "[1,2]", // not an object
                "   ", // white space only
                "{\"a\":1", // truncated
                "{\"a\":01}", // leading zero
                "{\"a\":NaN}", // not JSON
                "{'a':1}", // single quotes
            })
    void givenMalformed_thenRefusedAndTheTreeParseGivesTheReason(String text) {
        assertThat(StreamingScan.accepts(bytes(text))).isFalse();
        assertSameAsReference(bytes(text));
        assertThat(parser.parse(bytes(text))).isInstanceOf(ParseOutcome.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1e3}", // exponent: BigDecimal rules are the tree's
                "{\"a\":1.5E-2}",
                "{\"a\":1.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001}",
            })
    void givenNumbersTheScanDoesNotJudge_thenParsedByTheTreeParse(String text) {
        assertThat(StreamingScan.accepts(bytes(text))).isFalse();
        ParseOutcome outcome = parser.parse(bytes(text));
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        assertThat(((JsonPayload) ((ParseOutcome.Parsed) outcome).payload()).hasTree())
                .isTrue();
        assertSameAsReference(bytes(text));
    }

    @Test
    void givenManyKeys_thenDuplicatesAreFoundPastTheLinearCheck() {
        String keys =
                IntStream.range(0, 40).mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(","));
        assertThat(StreamingScan.accepts(bytes("{" + keys + "}"))).isTrue();
        assertThat(StreamingScan.accepts(bytes("{" + keys + ",\"k3\":0}"))).isFalse();
        assertThat(StreamingScan.accepts(bytes("{" + keys + ",\"k39\":0}"))).isFalse();
        assertThat(StreamingScan.accepts(bytes("{\"o\":{" + keys + "},\"k3\":{" + keys + "}}")))
                .isTrue();
        assertSameAsReference(bytes("{" + keys + ",\"k3\":0}"));
    }

    @Test
    void givenInvalidUtf8OrBomOrNul_thenTheTreeParseReasonIsGiven() {
        assertSameAsReference(
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
        assertSameAsReference(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        assertSameAsReference(new byte[] {'{', '"', 'a', '"', ':', '"', 0, '"', '}'});
        assertSameAsReference(new byte[] {
            '{', '"', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', (byte) 0xC3, (byte) 0xA9, '"', ':', '1', '}'
        });
    }

    private void assertSameAsReference(byte[] raw) {
        ParseOutcome expected = reference.parse(raw);
        ParseOutcome actual = parser.parse(raw);
        if (expected instanceof ParseOutcome.Malformed) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(((JsonPayload) ((ParseOutcome.Parsed) actual).payload()).tree())
                    .isEqualTo(((JsonPayload) ((ParseOutcome.Parsed) expected).payload()).tree());
        }
    }
}
