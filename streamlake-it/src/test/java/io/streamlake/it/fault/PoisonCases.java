package io.streamlake.it.fault;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.port.in.IngestCommand;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of poison inputs (this class: the building blocks, the parse-stage ones and 10 MB payloads;
 * {@link SchemaPoisonCases}: well-formed JSON the schema refuses): payloads StreamLake must dead-letter (never publish, never fail, never crash on).
 * Every generated payload is invalid by construction, whatever the random parts are: see each generator.
 */
final class PoisonCases {

    /** Datasets the catalog does not know; the broker test provisions their topics (the core still routes there). */
    static final List<String> UNKNOWN_DATASETS = List.of("nosuch", "ordrs", "payment", "orders.v2");

    static final int TEN_MB = 10 * 1024 * 1024;

    private PoisonCases() {}

    /**
     * One poison input.
     *
     * @param kind    which generator made it
     * @param command what is ingested
     * @param stage   the DLQ stage it must be dead-lettered at
     */
    record Poison(String kind, IngestCommand command, DlqStage stage) {

        byte[] payload() {
            return command.payload();
        }

        @Override
        public String toString() {
            byte[] p = command.payload();
            String preview = new String(Arrays.copyOf(p, Math.min(p.length, 160)), UTF_8);
            return kind + "[" + command.dataset() + ", key=" + shortKey(command.key()) + ", keyField="
                    + command.keyField() + ", " + p.length + " bytes: " + preview.replace("\u0000", "\\0")
                    + (p.length > 160 ? "…" : "") + "]";
        }

        private static String shortKey(String key) {
            return key == null || key.length() <= 40 ? key : key.substring(0, 40) + "…(" + key.length() + ")";
        }
    }

    // ---- building blocks: valid events (never used as inputs on their own) ----

    static Arbitrary<String> ids() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("-_ éß日本€")
                .ofMinLength(1)
                .ofMaxLength(16);
    }

    static Arbitrary<String> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-1_000_000, 1_000_000).map(String::valueOf),
                Arbitraries.integers().between(0, 99_999).map(i -> i + "." + (i % 100)));
    }

    /** A valid orders line: {@code {"order_id":…,"amount":…}} (v2 with an optional currency); no white space at the end. */
    static Arbitrary<String> validOrder() {
        return Combinators.combine(ids(), amounts(), Arbitraries.of("", ",\"currency\":\"EUR\"", ",\"currency\":null"))
                .as((id, amount, currency) -> "{\"order_id\":\"" + id + "\",\"amount\":" + amount + currency + "}");
    }

    static String payment(String id, String field, String rawValue) {
        String[][] fields = {
            {"payment_id", "\"" + id + "\""},
            {"order_id", "\"o-" + id + "\""},
            {"amount", "12.5"},
            {"method", "\"CARD\""},
            {"paid_at", "\"2026-11-27T13:05:00Z\""},
            {
                "customer",
                "{\"customer_id\":\"c-1\",\"address\":{\"street\":\"s\",\"city\":\"c\",\"zip\":\"1\",\"country\":\"DE\"}}"
            },
            {"items", "[{\"sku\":\"a\",\"quantity\":2,\"unit_price\":1.5}]"},
            {"attempt", "1"},
            {"attributes", "{\"ch\":\"web\"}"}
        };
        StringBuilder out = new StringBuilder("{");
        for (String[] f : fields) {
            String value = f[0].equals(field) ? rawValue : f[1];
            if (value != null) {
                out.append(out.length() > 1 ? "," : "")
                        .append('"')
                        .append(f[0])
                        .append("\":")
                        .append(value);
            }
        }
        return out.append('}').toString();
    }

    static Arbitrary<String> validPayment() {
        return ids().map(id -> payment(id, "", ""));
    }

    // ---- commands ----

    static Arbitrary<String> keys() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12)
                .map(k -> "k-" + k);
    }

    static Arbitrary<Poison> poison(String kind, DatasetName dataset, Arbitrary<byte[]> payloads, DlqStage stage) {
        return Combinators.combine(keys(), Arbitraries.of(true, false), payloads)
                .as((key, keyed, payload) -> new Poison(
                        kind,
                        keyed
                                ? IngestCommand.of(dataset, key, payload)
                                : IngestCommand.keyedBy(dataset, "order_id", payload),
                        stage));
    }

    static Arbitrary<byte[]> utf8(Arbitrary<String> text) {
        return text.map(s -> s.getBytes(UTF_8));
    }

    // ---- parse stage ----

    /** Syntax errors: each variant breaks a rule of strict JSON (or the one-object rule) whatever its random parts. */
    static Arbitrary<Poison> invalidJson() {
        Arbitrary<String> order = validOrder();
        Arbitrary<String> text = Arbitraries.oneOf(
                Combinators.combine(order, Arbitraries.of(" x", "}", ",", " {}", "]", " 1", "\"", " null", "{\"a\":1}"))
                        .as((o, tail) -> o + tail), // trailing tokens
                order.map(o -> o.replace('"', '\'')), // single quotes
                order.map(o -> o.replace("\"order_id\"", "order_id")), // unquoted key
                order.map(o -> o.substring(0, o.length() - 1) + ",}"), // trailing comma
                order.map(o -> o.replace("{", "{\"order_id\":\"dup\",")), // duplicate key
                order.map(o -> "[" + o + "]"), // not an object
                order.map(o -> o.replace(":", " ")), // missing colons
                order.map(o -> o.replace(",", ", /* c */ ")), // comment
                ids().map(id -> "{\"order_id\":\"" + id + "\",\"amount\":" + "NaN" + "}"),
                ids().map(id -> "{\"order_id\":\"" + id + "\",\"amount\":01}"), // leading zero
                ids().map(id -> "{\"order_id\":\"" + id + "\t\",\"amount\":1}"), // raw control character
                ids().map(id -> "{\"order_id\":\"\\x41" + id + "\",\"amount\":1}"), // invalid escape
                Arbitraries.integers()
                        .between(1001, 5000) // more than 1,000 digits
                        .map(n -> "{\"order_id\":\"n\",\"amount\":" + "9".repeat(n) + "}"),
                Arbitraries.strings()
                        .ascii()
                        .ofMinLength(1)
                        .ofMaxLength(200) // not starting an object
                        .filter(s -> s.charAt(0) != '{' && s.charAt(0) > ' '),
                Arbitraries.of("", " ", "\n", "null", "true", "42", "\"order\"", "{", "}", "{}}", "{\"order_id\"}"));
        return poison("invalid-json", FaultPipeline.ORDERS, utf8(text), DlqStage.PARSE);
    }

    /** Strict byte prefixes of valid lines (a valid object ends with its closing brace, so none is valid). */
    static Arbitrary<Poison> truncated() {
        Arbitrary<byte[]> lines = Arbitraries.oneOf(utf8(validOrder()), utf8(validPayment()));
        Arbitrary<byte[]> prefixes = lines.flatMap(
                b -> Arbitraries.integers().between(0, b.length - 1).map(n -> Arrays.copyOf(b, n)));
        return poison("truncated", FaultPipeline.ORDERS, prefixes, DlqStage.PARSE);
    }

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF},
        {(byte) 0xFE},
        {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xC1, (byte) 0xBF},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0x80},
        {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
    };

    /** A valid line with an invalid UTF-8 sequence inserted anywhere, or Latin-1 text. */
    static Arbitrary<Poison> invalidUtf8() {
        Arbitrary<byte[]> inserted = Combinators.combine(
                        utf8(validOrder()),
                        Arbitraries.of(INVALID_UTF8),
                        Arbitraries.doubles().between(0, 1))
                .as((line, bad, where) -> insert(line, bad, where));
        Arbitrary<byte[]> latin1 =
                ids().map(id -> ("{\"order_id\":\"é" + id + "\",\"amount\":1}").getBytes(StandardCharsets.ISO_8859_1));
        return poison("invalid-utf8", FaultPipeline.ORDERS, Arbitraries.oneOf(inserted, latin1), DlqStage.PARSE);
    }

    /** A NUL byte anywhere in a valid line, or the line in UTF-16/UTF-32 (full of NULs). */
    static Arbitrary<Poison> nulBytes() {
        Arbitrary<byte[]> inserted = Combinators.combine(
                        utf8(validOrder()),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 3))
                .as((line, where, n) -> insert(line, new byte[n], where));
        Arbitrary<byte[]> wide = Combinators.combine(
                        validOrder(), Arbitraries.of("UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"))
                .as((line, charset) -> line.getBytes(Charset.forName(charset)));
        return poison("nul", FaultPipeline.ORDERS, Arbitraries.oneOf(inserted, wide), DlqStage.PARSE);
    }

    /** A byte order mark before a valid line (optionally after white space). */
    static Arbitrary<Poison> byteOrderMark() {
        Arbitrary<String> text =
                Combinators.combine(Arbitraries.of("", " ", "\n"), validOrder()).as((ws, line) -> ws + "\uFEFF" + line);
        return poison("bom", FaultPipeline.ORDERS, utf8(text), DlqStage.PARSE);
    }

    /** Nesting deeper than the parser's 200 levels, up to 10,000, inside a valid order or as the whole payload. */
    static Arbitrary<Poison> deepNesting() {
        Arbitrary<Integer> depth =
                Arbitraries.integers().between(201, 10_000).edgeCases(e -> e.includeOnly(201, 10_000));
        Arbitrary<String> text = Combinators.combine(
                        depth, Arbitraries.of("[", "{\"a\":", "mixed"), Arbitraries.of(true, false))
                .as((d, open, insideOrder) -> {
                    StringBuilder out =
                            new StringBuilder(insideOrder ? "{\"order_id\":\"deep\",\"amount\":1,\"x\":" : "");
                    StringBuilder close = new StringBuilder();
                    for (int i = 0; i < d; i++) {
                        boolean array = open.equals("[") || (open.equals("mixed") && i % 2 == 0);
                        out.append(array ? "[" : "{\"a\":");
                        close.append(array ? ']' : '}');
                    }
                    out.append("1").append(close.reverse());
                    return out.append(insideOrder ? "}" : "").toString();
                });
        return poison("deep-nesting", FaultPipeline.ORDERS, utf8(text), DlqStage.PARSE);
    }

    // ---- 10 MB ----

    /** 10 MB payloads: a string of the wrong type, an unknown field, an unterminated string, invalid UTF-8. */
    static Arbitrary<Poison> tenMegabytes() {
        return Arbitraries.of("wrong-type", "unknown-field", "unterminated", "invalid-utf8")
                .map(PoisonCases::tenMegabytes);
    }

    static Poison tenMegabytes(String variant) {
        String big = "x".repeat(TEN_MB);
        return switch (variant) {
            case "wrong-type" ->
                new Poison(
                        "10mb-" + variant,
                        IngestCommand.of(
                                FaultPipeline.ORDERS,
                                "big",
                                ("{\"order_id\":\"big\",\"amount\":\"" + big + "\"}").getBytes(UTF_8)),
                        DlqStage.VALIDATE);
            case "unknown-field" ->
                new Poison(
                        "10mb-" + variant,
                        IngestCommand.keyedBy(
                                FaultPipeline.ORDERS,
                                "order_id",
                                ("{\"order_id\":\"big\",\"amount\":1,\"note\":\"" + big + "\"}").getBytes(UTF_8)),
                        DlqStage.VALIDATE);
            case "unterminated" ->
                new Poison(
                        "10mb-" + variant,
                        IngestCommand.of(FaultPipeline.ORDERS, "big", ("{\"order_id\":\"" + big).getBytes(UTF_8)),
                        DlqStage.PARSE);
            case "invalid-utf8" -> {
                byte[] bytes = new byte[TEN_MB];
                Arrays.fill(bytes, (byte) 0xFF);
                yield new Poison(
                        "10mb-" + variant, IngestCommand.of(FaultPipeline.ORDERS, "big", bytes), DlqStage.PARSE);
            }
            default -> throw new IllegalArgumentException(variant);
        };
    }

    /** Every small generator (all but the 10 MB one), evenly. */
    static Arbitrary<Poison> anySmall() {
        return Arbitraries.oneOf(
                invalidJson(),
                truncated(),
                invalidUtf8(),
                nulBytes(),
                byteOrderMark(),
                deepNesting(),
                SchemaPoisonCases.wrongTypes(),
                SchemaPoisonCases.missingKey(),
                SchemaPoisonCases.unknownDataset(),
                SchemaPoisonCases.numbersOutOfRange());
    }

    private static byte[] insert(byte[] line, byte[] bad, double where) {
        int at = (int) Math.round(where * line.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + bad.length);
        out.write(line, 0, at);
        out.write(bad, 0, bad.length);
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }
}
