package io.streamlake.schema.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.schema.codec.json.JsonPayload;
import io.streamlake.schema.codec.json.JsonScalars;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The streaming tier of validation ({@code StreamingScan}, {@code StreamingConformance}, {@code StreamingAvroWriter}):
 * decides, in one pass over a payload's tokens and without its tree, that the payload certainly conforms to a schema
 * ({@link TreeConformance} would find no violation). It answers only "conforms" or "not sure": whatever it does not
 * settle exactly (a violation, wrapped union values, numbers given as floats for integer types, floats with an exponent
 * or for anything but {@code double}, big integers, a non-string for a string branch, unknown fields under
 * {@link UnknownFieldPolicy#REJECT}) is "not sure", and the caller then runs the tree tier ({@link TreeConformance}),
 * which produces the violations. Leaves other than the plain common cases are decided by the tree tier's own leaf rules
 * on an equivalent single node, so the rules cannot drift apart. A flat payload is checked by the flat tier from the
 * scalars the parser recorded ({@link FlatConformance}), without reading its bytes again. Immutable and thread-safe;
 * never throws.
 */
final class StreamingConformance {

    private final TreeConformance checker;

    StreamingConformance(TreeConformance checker) {
        this.checker = checker;
    }

    /** True only when {@code payload} conforms to {@code schema}; false means "not sure", not "invalid". */
    boolean conforms(Schema schema, JsonPayload payload) {
        var scalars = payload.scalars();
        if (scalars.isPresent()) {
            try {
                return FlatConformance.conforms(schema, scalars.get(), checker);
            } catch (RuntimeException e) {
                return false; // not sure: the tree tier decides
            }
        }
        try (JsonParser p = payload.tokens()) {
            return value(schema, p, p.nextToken());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean value(Schema schema, JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return false;
        }
        return switch (schema.getType()) {
            case RECORD -> t == JsonToken.START_OBJECT && record(schema, p);
            case ARRAY -> t == JsonToken.START_ARRAY && array(schema.getElementType(), p);
            case MAP -> t == JsonToken.START_OBJECT && map(schema.getValueType(), p);
            case UNION -> union(schema, p, t);
            default -> StreamingLeaves.conforms(schema, p, t);
        };
    }

    private boolean record(Schema schema, JsonParser p) throws IOException {
        List<Schema.Field> fields = schema.getFields();
        if (fields.size() > Long.SIZE) {
            return false;
        }
        long seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Schema.Field field = schema.getField(name);
            JsonToken valueToken = p.nextToken();
            if (field == null || !field.name().equals(name)) {
                if (checker.unknownFields() == UnknownFieldPolicy.REJECT) {
                    return false;
                }
                p.skipChildren();
                continue;
            }
            if (!value(field.schema(), p, valueToken)) {
                return false;
            }
            seen |= 1L << field.pos();
        }
        if (t != JsonToken.END_OBJECT) {
            return false;
        }
        for (Schema.Field field : fields) {
            if ((seen & (1L << field.pos())) == 0 && !field.hasDefaultValue()) {
                return false;
            }
        }
        return true;
    }

    private boolean array(Schema element, JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!value(element, p, t)) {
                return false;
            }
        }
        return true;
    }

    private boolean map(Schema values, JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            if (!value(values, p, p.nextToken())) {
                return false;
            }
        }
        return t == JsonToken.END_OBJECT;
    }

    /**
     * A union conforms when some branch takes the plain value. Containers: the first branch of their kind is
     * checked (if it conforms, the tree tier finds a conforming branch too). Scalars: a string with a plain string
     * branch, null with a null branch and a plain decimal with a double branch certainly conform; other scalars
     * go through the tree tier's own branch choice on the equivalent node.
     */
    private boolean union(Schema union, JsonParser p, JsonToken t) throws IOException {
        List<Schema> types = union.getTypes();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            for (Schema branch : types) {
                Schema.Type type = branch.getType();
                boolean fits = t == JsonToken.START_ARRAY
                        ? type == Schema.Type.ARRAY
                        : type == Schema.Type.RECORD || type == Schema.Type.MAP;
                if (fits) {
                    return value(branch, p, t);
                }
            }
            return false;
        }
        for (Schema branch : types) {
            if (StreamingLeaves.surely(branch, p, t)) {
                return true;
            }
        }
        JsonNode node = JsonScalars.node(p, t);
        return node != null && checker.plainBranchIndex(union, node) >= 0;
    }
}
