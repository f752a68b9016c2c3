package io.streamlake.schema.codec.avro;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.schema.codec.json.TopLevelScalars;
import io.streamlake.schema.codec.json.TopLevelScalars.Kind;
import io.streamlake.schema.validation.ScalarBranches;
import io.streamlake.schema.validation.TreeConformance;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.Encoder;

/**
 * The flat tier of Avro writing ({@code FlatScan}, {@code FlatConformance}, {@code FlatAvroWriter}):
 * {@link StreamingAvroWriter} for a flat payload, from the top-level scalars the parser recorded: fields in the
 * schema's order whatever their order in the JSON, absent fields as their default, undeclared ones dropped, exactly as
 * {@link TreeAvroWriter} does. Leaves: null, boolean, int, long, double, plain string, enum, and unions of those with a
 * plain value that is not a decimal literal. Anything else: false (discard the output, use the tree). Stateless apart
 * from the checker; thread-safe.
 */
final class FlatAvroWriter {

    private FlatAvroWriter() {}

    static boolean write(Schema record, TopLevelScalars scalars, TreeConformance checker, Encoder out)
            throws IOException {
        if (record.getType() != Schema.Type.RECORD) {
            return false;
        }
        for (Schema.Field field : record.getFields()) {
            int i = scalars.indexOf(field.name(), field.pos());
            if (i >= 0) {
                if (!value(field.schema(), scalars, i, checker, out)) {
                    return false;
                }
            } else if (field.hasDefaultValue()) {
                new GenericDatumWriter<>(field.schema(), GenericData.get())
                        .write(GenericData.get().getDefaultValue(field), out);
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean value(Schema schema, TopLevelScalars scalars, int i, TreeConformance checker, Encoder out)
            throws IOException {
        if (schema.getType() != Schema.Type.UNION) {
            return leaf(schema, scalars, i, out);
        }
        int index = ScalarBranches.plainBranchIndex(schema, scalars.kind(i));
        if (index == ScalarBranches.NOT_SURE) {
            JsonNode node = scalars.node(i);
            index = node == null ? -1 : checker.plainBranchIndex(schema, node);
            if (index < 0) {
                return false;
            }
        }
        out.writeIndex(index);
        return leaf(schema.getTypes().get(index), scalars, i, out);
    }

    private static boolean leaf(Schema schema, TopLevelScalars scalars, int i, Encoder out) throws IOException {
        Kind kind = scalars.kind(i);
        boolean integer = kind == Kind.INT || kind == Kind.LONG;
        switch (schema.getType()) {
            case NULL -> {
                if (kind != Kind.NULL) {
                    return false;
                }
                out.writeNull();
            }
            case BOOLEAN -> {
                if (kind != Kind.TRUE && kind != Kind.FALSE) {
                    return false;
                }
                out.writeBoolean(kind == Kind.TRUE);
            }
            case INT -> {
                if (kind != Kind.INT) {
                    return false;
                }
                out.writeInt((int) scalars.longValue(i));
            }
            case LONG -> {
                if (!integer) {
                    return false;
                }
                out.writeLong(scalars.longValue(i));
            }
            case DOUBLE -> {
                if (!integer && kind != Kind.PLAIN_DECIMAL) {
                    return false;
                }
                out.writeDouble(scalars.doubleValue(i));
            }
            case STRING -> {
                if (kind != Kind.STRING || schema.getLogicalType() != null) {
                    return false;
                }
                out.writeString(scalars.text(i));
            }
            case ENUM -> {
                if (kind != Kind.STRING || !schema.hasEnumSymbol(scalars.text(i))) {
                    return false;
                }
                out.writeEnum(schema.getEnumOrdinal(scalars.text(i)));
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
