package io.streamlake.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.schema.codec.json.DifferentialPayloads;
import io.streamlake.schema.codec.json.JsonPayload;
import io.streamlake.schema.codec.json.JsonPayloadParser;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the streaming tier settles itself (conforming payloads, no tree) and what it leaves to the tree tier
 * ({@link TreeConformance}, "not sure"), each time with the reference's outcome.
 */
class StreamingConformanceTest {

    private static final DatasetName SINK = DatasetName.of("sink");
    private static final Schema SCHEMA =
            DifferentialPayloads.CATALOG.require(SINK, Optional.empty()).schema();
    private static final String BASE = "{\"id\":\"s-1\"";

    private final StreamingConformance reject =
            new StreamingConformance(new TreeConformance(UnknownFieldPolicy.REJECT));
    private final StreamingConformance ignore =
            new StreamingConformance(new TreeConformance(UnknownFieldPolicy.IGNORE));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ",\"n_int\":null",
                ",\"n_int\":-2147483648",
                ",\"n_long\":9223372036854775807",
                ",\"n_double\":1.25",
                ",\"n_double\":7",
                ",\"n_bool\":false",
                ",\"f\":3",
                ",\"i\":5",
                ",\"l\":5",
                ",\"color\":\"GREEN\"",
                ",\"n_color\":\"RED\"",
                ",\"uid\":\"0b7c4c4e-8d5f-4a49-9f0c-3f7f3a8e2d11\"",
                ",\"day\":20000",
                ",\"ts_us\":\"2026-11-27T13:05:00.123456Z\"",
                ",\"lts\":\"2026-11-27T13:05:00\"",
                ",\"price\":\"12.34\"",
                ",\"blob\":\"\\u00ffab\"",
                ",\"four\":\"abcd\"",
                ",\"multi\":\"x\"",
                ",\"multi\":12",
                ",\"multi\":1.5",
                ",\"str_first\":null",
                ",\"rec_or_map\":{\"a\":1,\"b\":null}",
                ",\"list\":[null,{\"a\":2,\"b\":\"x\"}]",
                ",\"nested\":[[1.5,2],[]]",
                ",\"tags\":{\"a\":null,\"b\":\"x\",\"c\":3}",
                ",\"ints_or_strs\":[1,2]",
            })
    void givenConformingValue_thenSettledWithoutTree(String field) {
        JsonPayload payload = payload(BASE + field + "}");
        assertThat(reject.conforms(SCHEMA, payload)).as(field).isTrue();
        assertThat(ignore.conforms(SCHEMA, payload)).as(field).isTrue();
        assertSameOutcome(BASE + field + "}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ",\"n_int\":2147483648",
                ",\"n_int\":1.0",
                ",\"n_long\":1e3",
                ",\"n_double\":1e400",
                ",\"n_double\":\"1\"",
                ",\"n_int\":{\"int\":1}",
                ",\"f\":1.5",
                ",\"i\":5.0",
                ",\"l\":\"5\"",
                ",\"color\":\"BLUE\"",
                ",\"uid\":\"nope\"",
                ",\"day\":\"2026-13-01\"",
                ",\"price\":12.345",
                ",\"price\":12.5",
                ",\"blob\":\"Ā\"",
                ",\"four\":\"abc\"",
                ",\"fdec\":1.5",
                ",\"multi\":true",
                ",\"multi\":99999999999999999999",
                ",\"str_first\":1",
                ",\"rec_or_map\":{\"a\":\"x\"}",
                ",\"rec_or_map\":{\"k\":1}",
                ",\"rec_or_map\":[]",
                ",\"list\":[{\"b\":\"x\"}]",
                ",\"nested\":[[1e999]]",
                ",\"tags\":{\"a\":true}",
                ",\"ints_or_strs\":[\"a\"]",
                ",\"unknown\":1",
                ",\"id\":null",
            })
    void givenAnythingElse_thenNotSureAndTheTreeCheckerDecides(String field) {
        String text = field.equals(",\"id\":null") ? "{\"id\":null}" : BASE + field + "}";
        JsonPayload payload = payload(text);
        assertThat(reject.conforms(SCHEMA, payload)).as(field).isFalse();
        assertSameOutcome(text);
    }

    private static JsonPayload payload(String text) {
        return (JsonPayload)
                ((ParseOutcome.Parsed) new JsonPayloadParser().parse(text.getBytes(StandardCharsets.UTF_8))).payload();
    }

    private static void assertSameOutcome(String text) {
        for (UnknownFieldPolicy policy : UnknownFieldPolicy.values()) {
            ValidationOutcome actual = PayloadValidators.create(DifferentialPayloads.CATALOG, policy, true)
                    .validate(SINK, Optional.empty(), payload(text));
            ValidationOutcome expected = new ReferenceValidator(DifferentialPayloads.CATALOG, policy)
                    .validate(SINK, Optional.empty(), payload(text));
            assertThat(actual).as(text + " " + policy).isEqualTo(expected);
        }
    }
}
