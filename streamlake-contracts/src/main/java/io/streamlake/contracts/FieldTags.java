package io.streamlake.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The tags of a schema's fields, at any depth (nested records, records in arrays, maps and unions): a field's
 * {@code tags} and {@code confluent:tags} properties, arrays of strings. Immutable after construction.
 */
final class FieldTags {

    private final Map<Schema.Field, List<String>> byField = new IdentityHashMap<>();
    private final Set<String> all = new HashSet<>();

    FieldTags(Schema record) {
        collect(record, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Each tagged field's tags, by field identity. */
    Map<Schema.Field, List<String>> byField() {
        return Collections.unmodifiableMap(byField);
    }

    /** Every tag some field carries. */
    Set<String> all() {
        return Collections.unmodifiableSet(all);
    }

    private void collect(Schema schema, Set<Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema)) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    List<String> tags = of(field);
                    if (!tags.isEmpty()) {
                        byField.put(field, tags);
                        all.addAll(tags);
                    }
                    collect(field.schema(), seen);
                }
            }
            case ARRAY -> collect(schema.getElementType(), seen);
            case MAP -> collect(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, seen));
            default -> {}
        }
    }

    /** A field's tags: its {@code tags} and {@code confluent:tags} properties. */
    static List<String> of(Schema.Field field) {
        List<String> tags = new ArrayList<>();
        for (String property : List.of("tags", "confluent:tags")) {
            Object value = field.getObjectProp(property);
            if (value instanceof List<?> list) {
                for (Object tag : list) {
                    if (tag instanceof String s && !tags.contains(s)) {
                        tags.add(s);
                    }
                }
            }
        }
        return List.copyOf(tags);
    }
}
