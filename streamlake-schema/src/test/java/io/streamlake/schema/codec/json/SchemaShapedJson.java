package io.streamlake.schema.codec.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.avro.Schema;

/**
 * Generates JSON text shaped by an Avro schema: mostly values that fit (so the streaming validator's accepting
 * paths are exercised), with fields missing, extra, null, of the wrong kind, unions plain and wrapped, and every
 * number and string shape of {@link JsonTexts}.
 */
final class SchemaShapedJson {

    private SchemaShapedJson() {}

    static Arbitrary<String> of(Schema schema) {
        return of(schema, 4);
    }

    private static Arbitrary<String> of(Schema schema, int depth) {
        if (depth <= 0) {
            return JsonTexts.scalars();
        }
        Arbitrary<String> fitting = switch (schema.getType()) {
            case RECORD -> record(schema, depth);
            case ARRAY ->
                of(schema.getElementType(), depth - 1)
                        .list()
                        .ofMaxSize(3)
                        .map(items -> "[" + String.join(", ", items) + "]");
            case MAP ->
                Combinators.combine(
                                Arbitraries.of("k", "channel", "x", "a b", "k"), of(schema.getValueType(), depth - 1))
                        .as((k, v) -> JsonTexts.quote(k) + ":" + v)
                        .list()
                        .ofMaxSize(3)
                        .map(entries -> "{" + String.join(",", entries) + "}");
            case UNION -> union(schema, depth);
            case ENUM ->
                Arbitraries.oneOf(Arbitraries.of(schema.getEnumSymbols()).map(JsonTexts::quote), JsonTexts.strings());
            case STRING ->
                Arbitraries.oneOf(
                        Arbitraries.of("\"ord-1\"", "\"0b7c4c4e-8d5f-4a49-9f0c-3f7f3a8e2d11\""), JsonTexts.strings());
            case INT, LONG ->
                schema.getLogicalType() == null
                        ? JsonTexts.numbers()
                        : Arbitraries.oneOf(JsonTexts.numbers(), JsonTexts.strings());
            case FLOAT, DOUBLE -> JsonTexts.numbers();
            case BOOLEAN -> Arbitraries.of("true", "false");
            case NULL -> Arbitraries.just("null");
            case BYTES, FIXED -> Arbitraries.oneOf(JsonTexts.strings(), JsonTexts.numbers());
        };
        return Arbitraries.frequencyOf(Tuple.of(12, fitting), Tuple.of(1, JsonTexts.values(1)));
    }

    private static Arbitrary<String> record(Schema schema, int depth) {
        List<Arbitrary<String>> entries = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            Arbitrary<String> value = of(field.schema(), depth - 1);
            Arbitrary<String> entry = value.map(v -> JsonTexts.quote(field.name()) + ": " + v);
            entries.add(Arbitraries.frequencyOf(Tuple.of(10, entry), Tuple.of(1, Arbitraries.just(""))));
        }
        Arbitrary<String> extra =
                Combinators.combine(JsonTexts.names(), JsonTexts.values(1)).as((k, v) -> k + ":" + v);
        entries.add(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(1, extra)));
        Arbitrary<Boolean> shuffle = Arbitraries.of(false, false, true);
        return Combinators.combine(JsonTexts.object(entries), shuffle, Arbitraries.longs())
                .as((text, mix, seed) -> {
                    List<String> kept = presentEntries(text);
                    if (mix) {
                        Collections.shuffle(kept, new java.util.Random(seed));
                    }
                    return "{" + String.join(",", kept) + "}";
                });
    }

    private static Arbitrary<String> union(Schema union, int depth) {
        List<Arbitrary<String>> branches = new ArrayList<>();
        for (Schema branch : union.getTypes()) {
            branches.add(of(branch, depth));
            String name = switch (branch.getType()) {
                case RECORD, ENUM, FIXED -> branch.getFullName();
                default -> branch.getType().getName();
            };
            branches.add(of(branch, depth).map(v -> "{" + JsonTexts.quote(name) + ": " + v + "}"));
        }
        Collections.shuffle(branches);
        return Arbitraries.oneOf(branches);
    }

    /** The top-level entries of a generated object; absent fields were generated as empty entries and are dropped. */
    private static List<String> presentEntries(String text) {
        String body = text.substring(1, text.length() - 1);
        List<String> kept = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                kept.add(body.substring(start, i));
                start = i + 1;
            }
        }
        kept.add(body.substring(start));
        kept.removeIf(String::isBlank);
        return kept;
    }
}
