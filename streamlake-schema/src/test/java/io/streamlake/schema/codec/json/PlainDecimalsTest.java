package io.streamlake.schema.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDecimalsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0",
                "-0.0",
                "123.45",
                "-123.45",
                "0.1",
                "0.000000000000000000001",
                "999999999999999.9",
                "9999999999999999.9",
                "0.30000000000000004",
                "1.7976931348623157",
                "123456789012345.0",
                "1234567890123456.0",
                "0.0000000000000000000000001",
                "00.5",
                "5",
                "-5",
                "4503599627370497.5",
                "9007199254740993.0",
                "0.1000000000000000055511151231257827",
                "1.00000000000000000000000"
            })
    void givenEdgeLiterals_thenTheValueIsExactlyParseDoubles(String text) {
        assertSameDouble(text);
    }

    @Property(tries = 20_000)
    void givenAnyPlainDecimal_thenTheValueIsExactlyParseDoubles(@ForAll("plainDecimals") String text) {
        assertSameDouble(text);
    }

    @Provide
    Arbitrary<String> plainDecimals() {
        Arbitrary<String> integer =
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> fraction =
                Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(26);
        return Combinators.combine(Arbitraries.of("", "-"), integer, fraction)
                .as((sign, whole, part) -> sign + whole + (part.isEmpty() ? "" : "." + part));
    }

    private static void assertSameDouble(String text) {
        char[] padded = ("[" + text + "]").toCharArray(); // the literal inside a bigger buffer, as the parser has it
        assertThat(Double.doubleToRawLongBits(PlainDecimals.parse(padded, 1, text.length())))
                .as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
}
