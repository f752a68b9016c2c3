package io.streamlake.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.schema.codec.json.JsonPayload;
import io.streamlake.schema.codec.json.TopLevelScalars;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * A JSON record as CEL sees it: a map from the schema's field names to CEL values, converted when an expression
 * selects a field (a condition that reads one field converts one value). A flat payload's top-level fields are read
 * from its scalars, without building the JSON tree. A field the payload leaves out has its default. Not thread-safe;
 * one per evaluation.
 */
final class MessageView extends AbstractMap<String, Object> {

    private final Schema record;
    private final JsonPayload payload;
    private ObjectNode node;

    /** The whole payload. */
    MessageView(Schema record, JsonPayload payload) {
        this.record = record;
        this.payload = payload;
    }

    /** A nested record, or a payload already as a tree. */
    MessageView(Schema record, ObjectNode node) {
        this.record = record;
        this.payload = null;
        this.node = node;
    }

    /**
     * Every field of the schema is present (CEL's runtime asks this before each selection, so a null field must be
     * present to compare with {@code null}); {@code has(message.f)} is therefore true for each schema field.
     */
    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && record.getField(name) != null;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Schema.Field field = record.getField(name);
        if (field == null) {
            return null;
        }
        if (node == null && payload.scalars().isPresent()) {
            TopLevelScalars scalars = payload.scalars().get();
            int i = scalars.indexOf(name);
            if (i < 0) {
                return CelValues.absent(field);
            }
            Object scalar = scalar(field.schema(), scalars, i);
            if (scalar != null) {
                return scalar;
            }
        }
        JsonNode value = node().get(name);
        return value == null ? CelValues.absent(field) : CelValues.of(field.schema(), value);
    }

    /** A flat payload's scalar as CEL sees it, or null when the tree must say (a number only the tree knows). */
    private static Object scalar(Schema schema, TopLevelScalars scalars, int i) {
        Schema type = schema.getType() == Schema.Type.UNION ? AvroCelTypes.nonNull(schema.getTypes()) : schema;
        if (type == null || AvroCelTypes.isDecimal(type)) {
            return null;
        }
        return switch (scalars.kind(i)) {
            case STRING ->
                type.getType() == Schema.Type.STRING || type.getType() == Schema.Type.ENUM ? scalars.text(i) : null;
            case INT, LONG ->
                switch (type.getType()) {
                    case INT, LONG -> (Object) scalars.longValue(i);
                    case FLOAT, DOUBLE -> (Object) scalars.doubleValue(i);
                    default -> null;
                };
            case PLAIN_DECIMAL ->
                type.getType() == Schema.Type.FLOAT || type.getType() == Schema.Type.DOUBLE
                        ? (Object) scalars.doubleValue(i)
                        : null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> dev.cel.common.values.NullValue.NULL_VALUE;
            case OTHER_NUMBER -> null;
        };
    }

    /** The record's JSON object (the payload's tree, built on first use). */
    ObjectNode node() {
        if (node == null) {
            node = payload.tree();
        }
        return node;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Schema.Field field : record.getFields()) {
            all.put(field.name(), get(field.name()));
        }
        return all.entrySet();
    }
}
