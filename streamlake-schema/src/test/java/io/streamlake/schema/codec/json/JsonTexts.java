package io.streamlake.schema.codec.json;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of JSON text pieces for the differential tests: strings, numbers of every shape, literals,
 * field names and free-form values, valid and broken. Each returns JSON source text (not Java values).
 */
final class JsonTexts {

    static final List<String> NAMES = List.of(
            "order_id",
            "amount",
            "currency",
            "payment_id",
            "method",
            "paid_at",
            "customer",
            "customer_id",
            "address",
            "street",
            "city",
            "zip",
            "country",
            "items",
            "sku",
            "quantity",
            "unit_price",
            "attempt",
            "attributes",
            "id",
            "n_int",
            "n_long",
            "n_double",
            "multi",
            "rec_or_map",
            "a",
            "b",
            "string",
            "long",
            "null",
            "x",
            "a b",
            "é",
            "",
            "io.streamlake.test.sink.Inner",
            "io.streamlake.datasets.payments.Address");

    private JsonTexts() {}

    static Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(4))
                .map(JsonTexts::quote);
    }

    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "\"ord-1\"",
                        "\"\"",
                        "\"é\"",
                        "\"\\u00e9\"",
                        "\"\\ud83d\\ude00\"",
                        "\"\\ud800\"",
                        "\"a\\nb\"",
                        "\"tab\there\"",
                        "\"\\q\"",
                        "\"😀\"",
                        "\"CARD\"",
                        "\"RED\"",
                        "\"GREEN\"",
                        "\"WALLET\"",
                        "\"card\"",
                        "\"2026-11-27T13:05:00Z\"",
                        "\"2026-11-27T13:05:00.123456789+01:00\"",
                        "\"2026-11-27\"",
                        "\"13:05:00.123\"",
                        "\"2026-11-27T13:05:00\"",
                        "\"not a date\"",
                        "\"12.34\"",
                        "\"1e2\"",
                        "\" 1.5 \"",
                        "\"123456789.123\"",
                        "\"\\u00ff\\u0001ab\"",
                        "\"abcd\"",
                        "\"Āb\"",
                        "\"\\u0000\"",
                        "\"ab\\\"c\"",
                        "\"0b7c4c4e-8d5f-4a49-9f0c-3f7f3a8e2d11\"",
                        "\"0b7c4c4e-8d5f\"",
                        "\"" + "x".repeat(45) + "\"",
                        "\"\\u12\"",
                        "\"unterminated",
                        "'single'"),
                Arbitraries.strings().ofMaxLength(12).map(JsonTexts::quote));
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "0",
                        "-0",
                        "1",
                        "-1",
                        "7",
                        "2147483647",
                        "2147483648",
                        "-2147483648",
                        "-2147483649",
                        "9223372036854775807",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "1.5",
                        "1.50",
                        "10.0",
                        "0.0",
                        "-0.0",
                        "1e3",
                        "1E3",
                        "1e-3",
                        "1.5e2",
                        "2E+2",
                        "1e400",
                        "-1e400",
                        "1e9999999999",
                        "123.45",
                        "0.1",
                        "12.345",
                        "99999.99",
                        "1" + "0".repeat(120),
                        "1." + "5".repeat(120),
                        "9".repeat(1001),
                        "0." + "1".repeat(99),
                        "00",
                        "01",
                        ".5",
                        "1.",
                        "+1",
                        "NaN",
                        "Infinity",
                        "-",
                        "1e",
                        "3.4028235e38",
                        "3.5e38",
                        "1.7976931348623157e308",
                        "1.7976931348623159e308",
                        "340282350000000000000000000000000000001.5",
                        "-5.0",
                        "1.0e0"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.bigDecimals().ofScale(3).map(java.math.BigDecimal::toPlainString));
    }

    static Arbitrary<String> literals() {
        return Arbitraries.of("true", "false", "null", "tru", "nul", "True", "[]", "{}");
    }

    static Arbitrary<String> scalars() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, strings()),
                net.jqwik.api.Tuple.of(3, numbers()),
                net.jqwik.api.Tuple.of(2, literals()));
    }

    /** Any JSON-ish value, nested up to {@code depth}, with duplicate keys now and then. */
    static Arbitrary<String> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<String> object = Combinators.combine(names(), values(depth - 1))
                .as((k, v) -> k + ":" + v)
                .list()
                .ofMaxSize(4)
                .map(entries -> "{" + String.join(",", entries) + "}");
        Arbitrary<String> array =
                values(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalars()),
                net.jqwik.api.Tuple.of(2, object),
                net.jqwik.api.Tuple.of(1, array));
    }

    /** An object of the given "key":value entries, in the given order, with optional white space. */
    static Arbitrary<String> object(List<Arbitrary<String>> entries) {
        Arbitrary<String> space = Arbitraries.of("", "", "", " ", "\n", "\t\r\n ");
        return Combinators.combine(Combinators.combine(entries).as(ArrayList::new), space)
                .as((items, ws) -> "{" + ws + String.join("," + ws, items) + ws + "}");
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
