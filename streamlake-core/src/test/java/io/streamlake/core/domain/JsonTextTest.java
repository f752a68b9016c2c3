package io.streamlake.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                " {\"a\": [1, -2.5e10, true, false, null, \"x\\u00e9\\n\"]} ",
                "0",
                "\"s\"",
                "{\"a\":{\"b\":{\"c\":[]}}}",
                "-0.0E+1"
            })
    void givenJson_thenAccepted(String text) {
        assertThat(JsonText.isJson(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "{\"a\":1,}",
                "[1,]",
                "{'a':1}",
                "{\"a\" 1}",
                "01",
                "1.",
                ".5",
                "+1",
                "tru",
                "{\"a\":1} x",
                "\"unterminated",
                "\"bad \\x escape\"",
                "\"raw \t tab\"",
                "NaN",
                "{} {}",
                "[1 2]"
            })
    void givenNotJson_thenRefused(String text) {
        assertThat(JsonText.isJson(text)).isFalse();
    }

    @Test
    void givenNestingBeyondLimit_thenRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(JsonText.isJson(deep)).isFalse();
        String ok = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
        assertThat(JsonText.isJson(ok)).isTrue();
    }

    @Test
    void givenNumberLongerThanJsonReadersAccept_thenNotEmbeddable() {
        assertThat(JsonText.isJson("{\"n\": " + "9".repeat(JsonText.MAX_NUMBER_LENGTH) + "}"))
                .isTrue();
        assertThat(JsonText.isJson("{\"n\": " + "9".repeat(JsonText.MAX_NUMBER_LENGTH + 1) + "}"))
                .isFalse();
    }

    @Test
    void givenAnyString_thenEscapedFormReadsBackIdentically() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uD83D\uDE00 \uD800 x\uDC00 \uDE00\uD83D");
        StringBuilder out = new StringBuilder();
        JsonText.appendString(out, all.toString());
        assertThat(new ObjectMapper().readValue(out.toString(), String.class)).isEqualTo(all.toString());
    }

    @Test
    void givenInvalidUtf8_thenNotDecoded() {
        assertThat(JsonText.decodeUtf8(new byte[] {(byte) 0xFF})).isEmpty();
        assertThat(JsonText.decodeUtf8("é".getBytes(StandardCharsets.UTF_8))).contains("é");
    }
}
