package io.streamlake.schema.validation;

import io.streamlake.schema.codec.json.TopLevelScalars.Kind;
import java.util.List;
import org.apache.avro.Schema;

/**
 * For the flat tier ({@link FlatConformance}, {@code FlatAvroWriter}): the union branch a recorded top-level scalar is
 * written as, decided from its {@link Kind} alone where that is certain, without the node
 * {@link TreeConformance#plainBranchIndex} needs: the first branch the value surely fits
 * ({@link FlatConformance#surely}), provided every branch before it surely does not fit (a branch of another JSON kind,
 * as {@link TreeConformance}'s own pre-check rules it out). Anything else is "not sure". Stateless and thread-safe.
 */
public final class ScalarBranches {

    /** The answer when only {@link TreeConformance} can tell. */
    public static final int NOT_SURE = -1;

    private ScalarBranches() {}

    /** The index {@code plainBranchIndex} gives for a value of this kind, or {@link #NOT_SURE}. */
    public static int plainBranchIndex(Schema union, Kind kind) {
        List<Schema> types = union.getTypes();
        for (int i = 0; i < types.size(); i++) {
            Schema branch = types.get(i);
            if (FlatConformance.surely(branch, kind)) {
                return i;
            }
            if (!surelyNot(branch, kind)) {
                return NOT_SURE;
            }
        }
        return NOT_SURE;
    }

    /** True when the branch cannot hold a JSON value of this kind at all. */
    private static boolean surelyNot(Schema branch, Kind kind) {
        Schema.Type type = branch.getType();
        if (type == Schema.Type.UNION) {
            return false; // Avro has no union in a union, but the tree tier would look
        }
        return switch (kind) {
            case NULL -> type != Schema.Type.NULL;
            case TRUE, FALSE -> type != Schema.Type.BOOLEAN;
            case STRING ->
                switch (type) {
                    case NULL, BOOLEAN, FLOAT, DOUBLE, RECORD, MAP, ARRAY -> true;
                    case INT, LONG -> branch.getLogicalType() == null;
                    default -> false;
                };
            case INT, LONG, PLAIN_DECIMAL, OTHER_NUMBER ->
                switch (type) {
                    case NULL, BOOLEAN, STRING, ENUM, RECORD, MAP, ARRAY -> true;
                    default -> false;
                };
        };
    }
}
