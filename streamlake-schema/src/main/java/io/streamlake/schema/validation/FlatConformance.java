package io.streamlake.schema.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.schema.codec.json.TopLevelScalars;
import io.streamlake.schema.codec.json.TopLevelScalars.Kind;
import org.apache.avro.Schema;

/**
 * The flat tier of validation ({@code FlatScan}, {@code FlatConformance}, {@code FlatAvroWriter}):
 * {@link StreamingConformance} for a flat payload, from the top-level scalars {@code FlatScan} or {@code StreamingScan}
 * recorded, with no pass over the bytes at all. The same rules and the same "conforms" / "not sure" answers as the
 * streaming check. Stateless and thread-safe.
 */
final class FlatConformance {

    private FlatConformance() {}

    /** True only when the flat payload certainly conforms to the record schema; false means "not sure". */
    static boolean conforms(Schema record, TopLevelScalars scalars, TreeConformance checker) {
        if (record.getType() != Schema.Type.RECORD) {
            return false;
        }
        int declared = 0;
        for (Schema.Field field : record.getFields()) {
            int i = scalars.indexOf(field.name(), field.pos());
            if (i < 0) {
                if (!field.hasDefaultValue()) {
                    return false;
                }
                continue;
            }
            declared++;
            if (!value(field.schema(), scalars, i, checker)) {
                return false;
            }
        }
        return declared == scalars.size() || checker.unknownFields() == UnknownFieldPolicy.IGNORE;
    }

    private static boolean value(Schema schema, TopLevelScalars scalars, int i, TreeConformance checker) {
        switch (schema.getType()) {
            case RECORD, ARRAY, MAP -> {
                return false;
            }
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    if (surely(branch, scalars.kind(i))) {
                        return true;
                    }
                }
                JsonNode node = scalars.node(i);
                return node != null && checker.plainBranchIndex(schema, node) >= 0;
            }
            default -> {
                if (surely(schema, scalars.kind(i))) {
                    return true;
                }
                return StreamingLeaves.fitsLeaf(schema, scalars.node(i));
            }
        }
    }

    /** {@link StreamingLeaves#surely} for a recorded scalar. */
    static boolean surely(Schema schema, Kind kind) {
        return switch (schema.getType()) {
            case NULL -> kind == Kind.NULL;
            case BOOLEAN -> kind == Kind.TRUE || kind == Kind.FALSE;
            case STRING -> kind == Kind.STRING && schema.getLogicalType() == null;
            case INT -> kind == Kind.INT;
            case LONG, FLOAT -> kind == Kind.INT || kind == Kind.LONG;
            case DOUBLE -> kind == Kind.INT || kind == Kind.LONG || kind == Kind.PLAIN_DECIMAL;
            default -> false;
        };
    }
}
