package io.streamlake.schema.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** How violations name what was expected (an Avro type) and what was found (a JSON value, shortened). */
public final class Describe {

    /** Found string values longer than this are cut and marked with {@code …}. */
    public static final int MAX_FOUND_CHARS = 40;

    private Describe() {}

    /** {@code string "abc"}, {@code number 5}, {@code boolean true}, {@code null}, {@code object}, {@code array}. */
    public static String found(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string \"" + shorten(node.textValue()) + "\"";
            case NUMBER ->
                "number " + shorten(node.isBigDecimal() ? node.decimalValue().toString() : node.asText());
            case BOOLEAN -> "boolean " + node.booleanValue();
            case NULL -> "null";
            case OBJECT -> "object";
            case ARRAY -> "array";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** {@code double}, {@code timestamp-millis}, {@code enum PaymentMethod}, {@code one of [null, string]}. */
    public static String expected(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        if (logical != null) {
            return logical.getName();
        }
        return switch (schema.getType()) {
            case RECORD -> "object (record " + schema.getName() + ")";
            case ENUM -> "enum " + schema.getName();
            case FIXED -> "fixed " + schema.getName() + " (" + schema.getFixedSize() + " bytes)";
            case ARRAY -> "array";
            case MAP -> "object (map)";
            case UNION ->
                "one of ["
                        + schema.getTypes().stream().map(Describe::branchName).collect(Collectors.joining(", ")) + "]";
            default -> schema.getType().getName();
        };
    }

    /** A union branch's name: its type name for primitives, its full name for named types. */
    static String branchName(Schema branch) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> branch.getFullName();
            default ->
                branch.getLogicalType() != null
                        ? branch.getLogicalType().getName()
                        : branch.getType().getName();
        };
    }

    static Mismatch mismatch(Schema schema, JsonNode node) {
        return new Mismatch("expected " + expected(schema) + ", got " + found(node));
    }

    static String shorten(String text) {
        return text.length() <= MAX_FOUND_CHARS ? text : text.substring(0, MAX_FOUND_CHARS) + "…";
    }
}
