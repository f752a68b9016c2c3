package io.streamlake.schema.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.ParseOutcome;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flat fast path answers only where the streaming pass gives the same top-level scalars, and it does answer for
 * the ordinary event.
 */
class FlatScanTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<String> entry =
                Combinators.combine(JsonTexts.names(), JsonTexts.scalars()).as((k, v) -> k + ":" + v);
        Arbitrary<String> space = Arbitraries.of("", "", " ", "\n", "\t\r\n ", "\f");
        Arbitrary<String> flat = Combinators.combine(entry.list().ofMaxSize(6), space)
                .as((entries, ws) -> ws + "{" + ws + String.join(ws + "," + ws, entries) + ws + "}" + ws);
        Arbitrary<String> plainEntry = Combinators.combine(
                        Arbitraries.of(JsonTexts.NAMES)
                                .filter(name -> name.chars().allMatch(c -> c < 0x80))
                                .map(JsonTexts::quote),
                        Arbitraries.oneOf(
                                JsonTexts.numbers(),
                                JsonTexts.literals(),
                                Arbitraries.strings().ascii().ofMaxLength(20).map(JsonTexts::quote)))
                .as((k, v) -> k + ":" + v);
        Arbitrary<String> plain = plainEntry.list().ofMaxSize(4).map(entries -> "{" + String.join(",", entries) + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(4, plain.map(Mutations::utf8)),
                Tuple.of(3, flat.map(Mutations::utf8)),
                Tuple.of(2, Mutations.of(flat)),
                Tuple.of(1, DifferentialPayloads.ordersInSchemaOrder()),
                Tuple.of(2, DifferentialPayloads.any()));
    }

    @Property(tries = 10_000)
    void givenAnyBytes_thenTheFastPathAnswersOnlyWithTheStreamingPassScalars(@ForAll("payloads") byte[] raw) {
        TopLevelScalars fast = FlatScan.scan(raw);
        Statistics.collect(fast == null ? "general path" : "fast path");
        if (fast == null) {
            return;
        }
        assertThat(Utf8.problem(raw)).isEmpty();
        TopLevelScalars streaming = StreamingScan.scan(raw);
        assertThat(streaming)
                .as("the streaming pass accepts it as flat")
                .isNotNull()
                .isNotSameAs(StreamingScan.NOT_FLAT);
        assertSame(fast, streaming);
    }

    @Test
    void givenTheOrdinaryEvent_thenReadInOnePassWithTheStreamingPassScalars() {
        String id = "ord-00000042-" + "abcd".repeat(30);
        byte[] raw = bytes("{\"order_id\":\"" + id + "\",\"amount\":123.45,\"currency\":\"EUR\",\"n\":-7,"
                + "\"big\":9007199254740993,\"ok\":true,\"no\":false,\"none\":null,\"zero\":-0.0,\"long\":0.1234567890123456789,"
                + "\"tiny\":0.0000000000000000000000012,\"edge\":0.0000000000000000000000123}");
        TopLevelScalars fast = FlatScan.scan(raw);
        assertThat(fast).isNotNull();
        assertSame(fast, StreamingScan.scan(raw));
        assertThat(fast.text(fast.indexOf("order_id"))).isEqualTo(id);
        assertThat(fast.kind(fast.indexOf("big"))).isEqualTo(TopLevelScalars.Kind.LONG);
        assertThat(fast.kind(fast.indexOf("n"))).isEqualTo(TopLevelScalars.Kind.INT);
        assertThat(fast.doubleValue(fast.indexOf("amount"))).isEqualTo(123.45);
        JsonPayload payload = (JsonPayload) ((ParseOutcome.Parsed) new JsonPayloadParser().parse(raw)).payload();
        assertThat(payload.hasTree()).isFalse();
        assertThat(payload.textField("order_id")).contains(id);
    }

    @Test
    void givenTheSameFieldInTwoEvents_thenItsNameIsOneString() {
        TopLevelScalars first = FlatScan.scan(bytes("{\"customer_reference\":1}"));
        TopLevelScalars second = FlatScan.scan(bytes("{ \"customer_reference\" : 2 }"));
        assertThat(second.name(0)).isSameAs(first.name(0));
    }

    @Test
    void givenManyNamesOfOneLength_thenEachPayloadKeepsItsOwnNames() {
        for (int i = 0; i < 20_000; i++) {
            String name = String.format("f%05d", i);
            TopLevelScalars top = FlatScan.scan(bytes("{\"" + name + "\":1,\"" + name + "x\":2}"));
            assertThat(top.name(0)).isEqualTo(name);
            assertThat(top.name(1)).isEqualTo(name + "x");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":\"caf\u00e9\"}", // non-ASCII
                "{\"a\\u0062\":1}", // escape in a name
                "{\"a\":\"x\\ny\"}", // escape in a value
                "{\"a\":\"tab\there\"}", // control character
                "{\"a\":{\"b\":1}}", // nested object
                "{\"a\":[1]}", // array
                "{\"a\":1e3}", // exponent
                "{\"a\":1.5E2}",
                "{\"a\":1234567890123456789}", // 19 digits
                "{\"a\":01}", // leading zero
                "{\"a\":1.}", // no fraction digits
                "{\"a\":-}",
                "{\"a\":1,\"a\":2}", // duplicate
                "{\"a\":1,}", // trailing comma
                "{\"a\":1} x", // trailing garbage
                "{\"a\":1", // truncated
                "{\"a\" 1}", // no colon
                "{\"a\":tru}",
                "{\"a\":truex}",
                "{\"a\":nul}",
                "[1]",
                "",
                "{\"a\":1}\u0000",
            })
    void givenBytesOutsideTheSubset_thenTheGeneralPathDecides(String text) {
        assertThat(FlatScan.scan(bytes(text))).isNull();
    }

    @Test
    void givenAStringOfAnyLength_thenItsEndIsFoundAndAnyByteOutsidePlainAsciiAtAnyPlaceIsSeen() {
        for (int length = 0; length <= 40; length++) {
            String text = "abcdefghij0123456789ABCDEFGHIJ~!#$%&'()*+/".substring(0, length);
            TopLevelScalars top = FlatScan.scan(bytes("{\"s\":\"" + text + "\",\"n\":1}"));
            assertThat(top).as("length %d", length).isNotNull();
            assertThat(top.text(0)).isEqualTo(text);
            for (int at = 0; at < length; at++) {
                for (byte bad : new byte[] {'\\', 0x1F, 0x00, (byte) 0x80, (byte) 0xC3, '"'}) {
                    byte[] raw = bytes("{\"s\":\"" + text + "\"}");
                    raw[6 + at] = bad;
                    assertThat(FlatScan.scan(raw))
                            .as("byte 0x%02X at %d of %d", bad, at, length)
                            .isNull();
                }
            }
        }
    }

    @Test
    void givenANameAtAndOverTheParserLimit_thenAcceptedAtItAndRefusedAsBeforeOverIt() {
        int limit = StrictJson.FAST_FACTORY.streamReadConstraints().getMaxNameLength();
        byte[] atLimit = bytes("{\"" + "a".repeat(limit) + "\":1}");
        assertThat(FlatScan.scan(atLimit)).isNotNull();
        assertSame(FlatScan.scan(atLimit), StreamingScan.scan(atLimit));
        byte[] overLimit = bytes("{\"" + "a".repeat(limit + 1) + "\":1}");
        assertThat(FlatScan.scan(overLimit)).isNull();
        assertThat(new JsonPayloadParser().parse(overLimit)).isInstanceOf(ParseOutcome.Malformed.class);
    }

    @Test
    void givenMoreKeysThanTheSummaryHolds_thenTheGeneralPathDecides() {
        String keys = IntStream.range(0, TopLevelScalars.MAX_FIELDS)
                .mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(Collectors.joining(","));
        assertThat(FlatScan.scan(bytes("{" + keys + "}"))).isNotNull();
        assertThat(FlatScan.scan(bytes("{" + keys + ",\"one_more\":0}"))).isNull();
    }

    private static void assertSame(TopLevelScalars actual, TopLevelScalars expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.name(i)).as("name %d", i).isEqualTo(expected.name(i));
            assertThat(actual.kind(i)).as("kind of %s", expected.name(i)).isEqualTo(expected.kind(i));
            assertThat(actual.text(i)).as("text of %s", expected.name(i)).isEqualTo(expected.text(i));
            assertThat(actual.longValue(i))
                    .as("value bits of %s", expected.name(i))
                    .isEqualTo(expected.longValue(i));
        }
    }
}
