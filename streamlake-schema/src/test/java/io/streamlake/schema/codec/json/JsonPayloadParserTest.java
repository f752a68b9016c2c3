package io.streamlake.schema.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.ParseOutcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPayloadParserTest {

    private final JsonPayloadParser parser = new JsonPayloadParser();

    private ParseOutcome parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private String reason(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.Malformed.class);
        return ((ParseOutcome.Malformed) outcome).reason();
    }

    @Test
    void givenObject_thenParsedKeepingTheOriginalBytes() {
        byte[] raw =
                "{ \"order_id\": \"o-1\", \"amount\": 10, \"ok\": true, \"n\": null }".getBytes(StandardCharsets.UTF_8);
        ParseOutcome outcome = parser.parse(raw);
        JsonPayload payload = (JsonPayload) ((ParseOutcome.Parsed) outcome).payload();
        assertThat(payload.raw()).isSameAs(raw);
        assertThat(payload.textField("order_id")).contains("o-1");
        assertThat(payload.textField("amount")).contains("10");
        assertThat(payload.textField("ok")).contains("true");
        assertThat(payload.textField("n")).isEmpty();
        assertThat(payload.textField("missing")).isEmpty();
    }

    @Test
    void givenMalformedJson_thenReasonHasLineAndColumn() {
        assertThat(reason(parse("{\"order_id\": \"o-1\", }")))
                .startsWith("malformed JSON: ")
                .contains("at column 21")
                .doesNotContain("line");
        assertThat(reason(parse("{\n  \"a\": tru\n}"))).contains("at line 2");
    }

    @Test
    void givenTruncatedObject_thenReasonNamesThePositionButNotJacksonsSourceDescription() {
        String reason = reason(parse("{\"order_id\": \"ORD-202\", \"amount\": 1"));
        assertThat(reason)
                .startsWith("malformed JSON: Unexpected end-of-input")
                .contains("start marker at [line: 1, column: 1]")
                .doesNotContain("Source")
                .doesNotContain("REDACTED");
    }

    @Test
    void givenTrailingGarbage_thenMalformed() {
        assertThat(reason(parse("{\"a\": 1} {\"b\": 2}")))
                .contains("Trailing token")
                .contains("at column");
        assertThat(reason(parse("{\"a\": 1} x"))).startsWith("malformed JSON");
    }

    @Test
    void givenTrailingWhitespace_thenParsed() {
        assertThat(parse("  {\"a\": 1}\n\r\t ")).isInstanceOf(ParseOutcome.Parsed.class);
    }

    @Test
    void givenDuplicateKeys_thenMalformedNamingTheKey() {
        assertThat(reason(parse("{\"amount\": 1, \"amount\": 2}")))
                .contains("Duplicate field 'amount'")
                .contains("at column");
    }

    @Test
    void givenInvalidUtf8_thenMalformedWithByteOffset() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(reason(parser.parse(bytes))).isEqualTo("invalid UTF-8: unexpected byte 0x28 at byte offset 7");
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertThat(reason(parser.parse(overlong))).contains("invalid UTF-8").contains("byte offset 6");
        byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThat(reason(parser.parse(surrogate))).contains("U+D800");
    }

    @Test
    void givenUtf16_thenRejected() {
        assertThat(reason(parser.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE))))
                .contains("NUL byte");
    }

    @Test
    void givenByteOrderMark_thenRejectedWithReason() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        assertThat(reason(parser.parse(bom))).contains("byte order mark");
    }

    @Test
    void givenNestingDeeperThanTheLimit_thenMalformed() {
        String deep = "{\"a\":".repeat(250) + "1" + "}".repeat(250);
        assertThat(reason(parse(deep))).startsWith("nesting deeper than 200");
        String ok = "{\"a\":".repeat(150) + "1" + "}".repeat(150);
        assertThat(parse(ok)).isInstanceOf(ParseOutcome.Parsed.class);
    }

    @Test
    void givenNonObjectTopLevel_thenMalformed() {
        assertThat(reason(parse("[1,2]"))).isEqualTo("the top-level JSON value must be an object, got an array");
        assertThat(reason(parse("\"x\""))).isEqualTo("the top-level JSON value must be an object, got a string");
        assertThat(reason(parse("42"))).isEqualTo("the top-level JSON value must be an object, got a number");
        assertThat(reason(parse("null"))).isEqualTo("the top-level JSON value must be an object, got null");
    }

    @Test
    void givenEmptyOrBlankPayload_thenMalformed() {
        assertThat(reason(parser.parse(new byte[0]))).isEqualTo("empty payload: expected a JSON object");
        assertThat(reason(parse("   "))).isEqualTo("payload has no JSON value (only white space)");
    }

    @Test
    void givenTenMegabyteString_thenParsed() {
        String big = "x".repeat(10 * 1024 * 1024);
        ParseOutcome outcome = parse("{\"blob\":\"" + big + "\"}");
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        assertThat(((JsonPayload) ((ParseOutcome.Parsed) outcome).payload())
                        .tree()
                        .get("blob")
                        .textValue())
                .hasSize(big.length());
    }

    @Test
    void givenStringAboveTheLimit_thenMalformedCleanly() {
        String huge = "x".repeat(JsonPayloadParser.MAX_STRING_LENGTH + 1);
        assertThat(reason(parse("{\"blob\":\"" + huge + "\"}")))
                .startsWith("a string is longer than 20000000 characters");
    }

    @Test
    void givenDecimalNumber_thenKeptExactly() {
        JsonPayload payload =
                (JsonPayload) ((ParseOutcome.Parsed) parse("{\"a\": 0.1000000000000000000001}")).payload();
        assertThat(payload.tree().get("a").decimalValue().toPlainString()).isEqualTo("0.1000000000000000000001");
    }

    @Test
    void givenExponentBeyondAnIntRange_thenMalformedNotAnException() {
        assertThat(reason(parse("{\"amount\": 1e9999999999}"))).startsWith("a number's exponent is out of range");
        assertThat(reason(parse("{\"a\": {\"b\": [-2.5E-99999999999]}}")))
                .startsWith("a number's exponent is out of range");
    }
}
