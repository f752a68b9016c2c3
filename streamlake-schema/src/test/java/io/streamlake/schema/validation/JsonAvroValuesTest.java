package io.streamlake.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class JsonAvroValuesTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final TreeConformance checker = new TreeConformance(UnknownFieldPolicy.REJECT);

    private static Schema schema(String json) {
        return new Schema.Parser().parse(json);
    }

    private java.util.List<String> check(String schemaJson, String value) throws Exception {
        JsonNode node = MAPPER.readTree(value);
        return checker.violations(schema(schemaJson), node).stream()
                .map(Object::toString)
                .toList();
    }

    @Test
    void givenDateLogicalType_thenDaysOrIsoDateAccepted() throws Exception {
        String date = "{\"type\":\"int\",\"logicalType\":\"date\"}";
        assertThat(check(date, "20419")).isEmpty();
        assertThat(check(date, "\"2025-11-27\"")).isEmpty();
        assertThat(check(date, "\"27.11.2025\""))
                .containsExactly(
                        "$: expected date (days since 1970-01-01 or an ISO-8601 date), got string \"27.11.2025\"");
        assertThat(JsonAvroValues.intValue(schema(date), MAPPER.readTree("\"1970-01-02\"")))
                .isEqualTo(1);
    }

    @Test
    void givenTimestampString_thenConvertedToEpochMillis() throws Exception {
        Schema ts = schema("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");
        assertThat(JsonAvroValues.longValue(ts, MAPPER.readTree("\"1970-01-01T00:00:01.5Z\"")))
                .isEqualTo(1500L);
        Schema micros = schema("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}");
        assertThat(JsonAvroValues.longValue(micros, MAPPER.readTree("\"1970-01-01T01:00:00+01:00\"")))
                .isEqualTo(0L);
    }

    @Test
    void givenDecimal_thenScaleAndPrecisionChecked() throws Exception {
        String decimal = "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":2}";
        assertThat(check(decimal, "123.45")).isEmpty();
        assertThat(check(decimal, "\"1.5\"")).isEmpty();
        assertThat(check(decimal, "1.234"))
                .containsExactly("$: expected decimal(5,2), got number 1.234 (more than 2 decimal places)");
        assertThat(check(decimal, "1234.5"))
                .containsExactly("$: expected decimal(5,2), got number 1234.5 (more than 5 digits)");
    }

    @Test
    void givenBytesAndFixed_thenLatin1StringsOfTheRightLength() throws Exception {
        assertThat(check("\"bytes\"", "\"\\u00ff\\u0000a\"")).isEmpty();
        assertThat(check("\"bytes\"", "\"\\u0100\"")).hasSize(1);
        String fixed = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}";
        assertThat(check(fixed, "\"ab\"")).isEmpty();
        assertThat(check(fixed, "\"abc\""))
                .containsExactly("$: expected fixed F (2 bytes), got string \"abc\" (3 bytes)");
    }

    @Test
    void givenFloatAndBoolean_thenRangesAndKindsChecked() throws Exception {
        assertThat(check("\"float\"", "1e39"))
                .containsExactly("$: expected float, got number 1E+39 (out of float range)");
        assertThat(check("\"double\"", "1e400"))
                .containsExactly("$: expected double, got number 1E+400 (out of double range)");
        assertThat(check("\"boolean\"", "\"true\"")).containsExactly("$: expected boolean, got string \"true\"");
        assertThat(check("\"long\"", "1.0")).isEmpty();
    }

    @Test
    void givenUnionOfRecords_thenFirstConformingBranchIsChosen() throws Exception {
        Schema union = schema("[{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]},"
                + "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"b\",\"type\":\"string\"}]}]");
        assertThat(checker.unionBranch(union, MAPPER.readTree("{\"b\":\"x\"}"))
                        .orElseThrow()
                        .index())
                .isEqualTo(1);
        assertThat(checker.unionBranch(union, MAPPER.readTree("{\"a\":1}"))
                        .orElseThrow()
                        .index())
                .isEqualTo(0);
        assertThat(checker.unionBranch(union, MAPPER.readTree("{\"B\":{\"b\":\"x\"}}"))
                        .orElseThrow()
                        .index())
                .isEqualTo(1);
        assertThat(checker.unionBranch(union, MAPPER.readTree("{\"c\":1}"))).isEmpty();
    }

    @Test
    void givenUuid_thenFormatChecked() throws Exception {
        String uuid = "{\"type\":\"string\",\"logicalType\":\"uuid\"}";
        assertThat(check(uuid, "\"123e4567-e89b-12d3-a456-426614174000\"")).isEmpty();
        assertThat(check(uuid, "\"nope\"")).containsExactly("$: expected uuid, got string \"nope\"");
    }

    @Test
    void givenOddFieldNames_thenPathIsQuoted() {
        assertThat(JsonPath.ROOT.field("a b").index(3).field("c").toString()).isEqualTo("$['a b'][3].c");
    }
}
