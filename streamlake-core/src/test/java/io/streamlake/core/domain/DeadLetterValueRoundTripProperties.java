package io.streamlake.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link DeadLetterValue#decode} reads back what {@link DeadLetterValue#encode} wrote, for any payload bytes and any
 * limit: JSON documents ({@code json}), other UTF-8 text ({@code text}), bytes that are not UTF-8 ({@code base64}),
 * and payloads over the limit (truncated, in base64).
 */
class DeadLetterValueRoundTripProperties {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** A payload and the encoding it must get when it is not truncated; null when any encoding may fit. */
    record Payload(byte[] bytes, String expectedEncoding) {}

    @Property(tries = 1000)
    void whatIsWrittenReadsBackEqual(
            @ForAll("payloads") Payload payload,
            @ForAll("limits") int limit,
            @ForAll("deadLetters") DeadLetterTemplate template) {
        DeadLetter dl = template.with(payload.bytes());
        byte[] written = DeadLetterValue.encode(dl, limit);

        DeadLetterValue read = DeadLetterValue.decode(written).orElseThrow();

        byte[] original = payload.bytes();
        boolean truncated = original.length > limit;
        byte[] kept = truncated ? Arrays.copyOf(original, limit) : original;
        assertThat(read)
                .isEqualTo(new DeadLetterValue(
                        kept,
                        read.payloadEncoding(),
                        original.length,
                        truncated,
                        DeadLetterValue.sha256(original),
                        dl.reason(),
                        dl.errorClass(),
                        dl.stage(),
                        dl.failedAt(),
                        dl.dataset(),
                        dl.metadata().schemaVersion().orElse(null),
                        dl.metadata().ingestionId(),
                        dl.key(),
                        dl.originalTopic(),
                        dl.source().orElse(null)));
        if (truncated) {
            assertThat(read.payloadEncoding()).isEqualTo(DeadLetterValue.ENCODING_BASE64);
        } else {
            assertThat(read.payload()).isEqualTo(original);
            if (payload.expectedEncoding() != null) {
                assertThat(read.payloadEncoding()).isEqualTo(payload.expectedEncoding());
            }
        }
        String label = truncated ? "truncated" : read.payloadEncoding();
        Statistics.label("payload").collect(label);
        Statistics.label("payload").coverage(c -> {
            c.check("json").percentage(p -> p > 4);
            c.check("text").percentage(p -> p > 4);
            c.check("base64").percentage(p -> p > 4);
            c.check("truncated").percentage(p -> p > 4);
        });
    }

    @Property(tries = 300)
    void aForeignJsonReaderReadsTheSameMembers(
            @ForAll("payloads") Payload payload,
            @ForAll("limits") int limit,
            @ForAll("deadLetters") DeadLetterTemplate template)
            throws IOException {
        DeadLetter dl = template.with(payload.bytes());
        byte[] written = DeadLetterValue.encode(dl, limit);
        DeadLetterValue read = DeadLetterValue.decode(written).orElseThrow();

        JsonNode node = JACKSON.readTree(written);
        assertThat(node.get(DeadLetterValue.ERROR_REASON).textValue()).isEqualTo(read.errorReason());
        assertThat(node.get(DeadLetterValue.KEY).textValue()).isEqualTo(read.key());
        assertThat(node.get(DeadLetterValue.PAYLOAD_ENCODING).textValue()).isEqualTo(read.payloadEncoding());
        assertThat(node.get(DeadLetterValue.PAYLOAD_TRUNCATED).booleanValue()).isEqualTo(read.payloadTruncated());
        if (read.source() != null) {
            assertThat(node.get(DeadLetterValue.SOURCE_FILE).textValue())
                    .isEqualTo(read.source().file());
            assertThat(node.get(DeadLetterValue.SOURCE_LINE).longValue())
                    .isEqualTo(read.source().line());
        } else {
            assertThat(node.has(DeadLetterValue.SOURCE_FILE)).isFalse();
        }
    }

    @Property(tries = 500)
    void anyBytesDecodeWithoutThrowing(@ForAll byte[] value) {
        Optional<DeadLetterValue> read = DeadLetterValue.decode(value);
        assertThat(read).isNotNull();
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.integers().between(1, 400);
    }

    @Provide
    Arbitrary<Payload> payloads() {
        Arbitrary<Payload> json = jsonDocument().map(s -> new Payload(utf8(s), DeadLetterValue.ENCODING_JSON));
        Arbitrary<Payload> text = Combinators.combine(Arbitraries.of("x", "#", "'", "<", "order_id=", "{"), unicode())
                .as((start, rest) -> new Payload(utf8(start + rest), DeadLetterValue.ENCODING_TEXT));
        // 0xC0, 0xC1 and 0xF8-0xFF never occur in UTF-8
        Arbitrary<Payload> notUtf8 = Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                        Arbitraries.of((byte) 0xFF, (byte) 0xC0, (byte) 0xC1, (byte) 0xF8),
                        Arbitraries.integers().between(0, 200))
                .as((bytes, bad, at) -> {
                    byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
                    int i = Math.min(at, bytes.length);
                    System.arraycopy(bytes, i, out, i + 1, bytes.length - i);
                    out[i] = bad;
                    return new Payload(out, DeadLetterValue.ENCODING_BASE64);
                });
        Arbitrary<Payload> anyBytes =
                Arbitraries.bytes().array(byte[].class).ofMaxSize(500).map(b -> new Payload(b, null));
        return Arbitraries.oneOf(json, text, notUtf8, anyBytes);
    }

    @Provide
    Arbitrary<DeadLetterTemplate> deadLetters() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> nonBlank = anyText.filter(s -> !s.isBlank());
        Arbitrary<Optional<SchemaVersion>> versions =
                Arbitraries.integers().between(1, 1000).map(SchemaVersion::of).optional();
        Arbitrary<Instant> times = Combinators.combine(
                        Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
        // any file name (a path, '-' for stdin, quotes, line separators) and any line from 1
        Arbitrary<Optional<EventSource>> sources = Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of("-", "orders.jsonl", "data/my orders.jsonl"), nonEmpty(anyText)),
                        Arbitraries.longs().between(1, Long.MAX_VALUE))
                .as(EventSource::new)
                .optional();
        return Combinators.combine(
                        anyText.injectNull(0.2),
                        nonBlank,
                        nonBlank,
                        Arbitraries.of(DlqStage.class),
                        times,
                        Arbitraries.of("orders", "a", "x.y-z_1"),
                        versions,
                        Combinators.combine(anyText, sources).as(IdAndSource::new))
                .as((key, reason, errorClass, stage, failedAt, dataset, version, idAndSource) -> new DeadLetterTemplate(
                        key,
                        reason,
                        errorClass,
                        stage,
                        failedAt,
                        new EventMetadata(
                                DatasetName.of(dataset),
                                version,
                                idAndSource.id().isEmpty() ? "id" : idAndSource.id(),
                                Instant.EPOCH,
                                HeaderNames.DEFAULT_PRODUCER_SERVICE,
                                Map.of(),
                                idAndSource.source())));
    }

    private static Arbitrary<String> nonEmpty(Arbitrary<String> text) {
        return text.filter(s -> !s.isEmpty());
    }

    /** Combinators take at most eight arbitraries: the ingestion id and the source travel together. */
    record IdAndSource(String id, Optional<EventSource> source) {}

    /** A dead letter without its payload. */
    record DeadLetterTemplate(
            String key, String reason, String errorClass, DlqStage stage, Instant failedAt, EventMetadata metadata) {
        DeadLetter with(byte[] payload) {
            return new DeadLetter(
                    key,
                    payload,
                    metadata,
                    stage,
                    reason,
                    errorClass,
                    failedAt,
                    "streamlake." + metadata.dataset() + ".raw \u2028\"",
                    "streamlake." + metadata.dataset() + ".dlq");
        }
    }

    /** One JSON document, nested up to four deep, with white space between tokens. */
    private static Arbitrary<String> jsonDocument() {
        return Combinators.combine(
                        whitespace(),
                        Arbitraries.recursive(
                                DeadLetterValueRoundTripProperties::jsonScalar,
                                DeadLetterValueRoundTripProperties::jsonContainer,
                                0,
                                4),
                        whitespace())
                .as((a, v, b) -> a + v + b);
    }

    private static Arbitrary<String> jsonScalar() {
        return Arbitraries.oneOf(
                Arbitraries.of("true", "false", "null", "0", "-0.0E+1", "1e-7", "123456789012345678901234567890"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.bigDecimals().ofScale(3).map(d -> d.toString()),
                Arbitraries.strings().ofMaxLength(20).map(DeadLetterValueRoundTripProperties::quoted));
    }

    private static Arbitrary<String> jsonContainer(Arbitrary<String> element) {
        Arbitrary<String> member = Combinators.combine(Arbitraries.strings().ofMaxLength(8), whitespace(), element)
                .as((name, ws, value) -> quoted(name) + ws + ":" + ws + value);
        Arbitrary<String> array = Combinators.combine(element.list().ofMaxSize(4), whitespace())
                .as((values, ws) -> "[" + ws + String.join(ws + "," + ws, values) + ws + "]");
        Arbitrary<String> object = Combinators.combine(member.list().ofMaxSize(4), whitespace())
                .as((members, ws) -> "{" + ws + String.join("," + ws, members) + ws + "}");
        return Arbitraries.oneOf(array, object);
    }

    private static Arbitrary<String> whitespace() {
        return Arbitraries.of("", " ", "\n", "\t ", "\r\n  ");
    }

    /** Any text of whole code points (so it is valid UTF-8), control characters and non-BMP ones included. */
    private static Arbitrary<String> unicode() {
        return Arbitraries.integers()
                .between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list()
                .ofMaxSize(60)
                .map(cps -> cps.stream().map(Character::toString).collect(Collectors.joining()));
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder();
        JsonText.appendString(out, s);
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
