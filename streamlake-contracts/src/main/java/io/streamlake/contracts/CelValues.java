package io.streamlake.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Converts between a payload's JSON values and CEL values, guided by the Avro schema: JSON numbers become CEL
 * {@code int} or {@code double} as the field's type says, records become {@link MessageView}s, null becomes CEL
 * {@code null}. And back: a transform's result becomes JSON, checked against the field's schema. Stateless.
 */
final class CelValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CelValues() {}

    /** The CEL value of {@code node} (never null: JSON null and a missing value are CEL {@code null}). */
    static Object of(Schema schema, JsonNode node) {
        if (node == null || node.isNull()) {
            return NullValue.NULL_VALUE;
        }
        if (AvroCelTypes.isDecimal(schema)) {
            return node.isNumber() ? (Object) node.doubleValue() : (Object) node.asText();
        }
        if (schema.getType() != Schema.Type.UNION && !fitsForReading(schema, node)) {
            throw new IllegalArgumentException(
                    "a value of type " + schema.getType().getName() + " is "
                            + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return switch (schema.getType()) {
            case NULL -> NullValue.NULL_VALUE;
            case BOOLEAN -> node.booleanValue();
            case INT, LONG -> node.isTextual() ? temporal(schema, node.textValue()) : (Object) node.longValue();
            case FLOAT, DOUBLE -> node.doubleValue();
            case STRING, ENUM -> node.textValue();
            case BYTES, FIXED -> ByteString.copyFrom(node.textValue(), StandardCharsets.ISO_8859_1);
            case ARRAY -> list(schema.getElementType(), node);
            case MAP -> map(schema.getValueType(), node);
            case RECORD -> new MessageView(schema, (ObjectNode) node);
            case UNION -> union(schema, node);
        };
    }

    /** {@link #fits}, and the ISO-8601 text a temporal {@code int}/{@code long} may be given as. */
    private static boolean fitsForReading(Schema schema, JsonNode node) {
        return fits(schema, node)
                || ((schema.getType() == Schema.Type.INT || schema.getType() == Schema.Type.LONG)
                        && schema.getLogicalType() != null
                        && node.isTextual());
    }

    /** A field's value when the payload leaves it out: its default, as the Avro writer would write it. */
    static Object absent(Schema.Field field) {
        if (!field.hasDefaultValue()) {
            return NullValue.NULL_VALUE;
        }
        return fromDefault(field.schema(), field.defaultVal());
    }

    private static Object fromDefault(Schema schema, Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return NullValue.NULL_VALUE;
        }
        Schema effective = schema.getType() == Schema.Type.UNION
                ? schema.getTypes().get(0) // Avro: a union's default is of its first branch
                : schema;
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return ByteString.copyFrom(bytes);
        }
        if (value instanceof Collection<?> items && effective.getType() == Schema.Type.ARRAY) {
            List<Object> out = new ArrayList<>();
            items.forEach(item -> out.add(fromDefault(effective.getElementType(), item)));
            return out;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<String, Object> out = new LinkedHashMap<>();
            Schema values = effective.getType() == Schema.Type.MAP ? effective.getValueType() : null;
            entries.forEach((k, v) -> out.put(
                    String.valueOf(k),
                    values != null
                            ? fromDefault(values, v)
                            : fromDefault(effective.getField(String.valueOf(k)).schema(), v)));
            return out;
        }
        return value.toString();
    }

    private static Object union(Schema union, JsonNode node) {
        Schema only = AvroCelTypes.nonNull(union.getTypes());
        if (only != null) {
            return of(only, node);
        }
        for (Schema branch : union.getTypes()) {
            if (branch.getType() != Schema.Type.NULL && fits(branch, node)) {
                return of(branch, node);
            }
        }
        return node.isNumber() ? (Object) node.doubleValue() : node.asText();
    }

    private static List<Object> list(Schema items, JsonNode node) {
        List<Object> out = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            out.add(of(items, item));
        }
        return out;
    }

    private static Map<String, Object> map(Schema values, JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), of(values, e.getValue())));
        return out;
    }

    /** A temporal logical type given as ISO-8601 text, as the Avro writer reads it. */
    private static Object temporal(Schema schema, String text) {
        String logical =
                schema.getLogicalType() == null ? "" : schema.getLogicalType().getName();
        return switch (logical) {
            case "date" -> LocalDate.parse(text).toEpochDay();
            case "timestamp-millis" -> instant(text).toEpochMilli();
            case "timestamp-micros" -> ChronoUnit.MICROS.between(Instant.EPOCH, instant(text));
            default -> text;
        };
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }

    /** The JSON of a CEL result, or null when it has no JSON form. */
    static JsonNode toJson(Object value) {
        if (value == null || value instanceof NullValue) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Long || value instanceof Integer) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof ByteString bytes) {
            return NODES.textNode(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1));
        }
        if (value instanceof CelByteString bytes) {
            return NODES.textNode(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1));
        }
        if (value instanceof MessageView view) {
            return view.node();
        }
        if (value instanceof List<?> items) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : items) {
                JsonNode node = toJson(item);
                if (node == null) {
                    return null;
                }
                array.add(node);
            }
            return array;
        }
        if (value instanceof Map<?, ?> entries) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                JsonNode node = toJson(e.getValue());
                if (node == null) {
                    return null;
                }
                object.set(String.valueOf(e.getKey()), node);
            }
            return object;
        }
        return null;
    }

    /** Whether {@code node} is a JSON value of {@code schema} (shallow for records: an object). */
    static boolean fits(Schema schema, JsonNode node) {
        return switch (schema.getType()) {
            case NULL -> node.isNull();
            case BOOLEAN -> node.isBoolean();
            case INT -> node.isIntegralNumber() && node.canConvertToInt();
            case LONG -> node.isIntegralNumber() && node.canConvertToLong();
            case FLOAT, DOUBLE -> node.isNumber();
            case STRING -> node.isTextual();
            case ENUM -> node.isTextual() && schema.getEnumSymbols().contains(node.textValue());
            case BYTES -> node.isTextual() || (AvroCelTypes.isDecimal(schema) && node.isNumber());
            case FIXED ->
                (node.isTextual() && node.textValue().length() == schema.getFixedSize())
                        || (AvroCelTypes.isDecimal(schema) && node.isNumber());
            case ARRAY -> node.isArray();
            case MAP, RECORD -> node.isObject();
            case UNION -> schema.getTypes().stream().anyMatch(branch -> fits(branch, node));
        };
    }

    /** Confluent's name of a field's type: {@code STRING}, {@code INT}, … (a nullable field's non-null branch). */
    static String typeName(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            Schema only = AvroCelTypes.nonNull(schema.getTypes());
            return only == null ? "UNION" : typeName(only);
        }
        return schema.getType().name();
    }
}
