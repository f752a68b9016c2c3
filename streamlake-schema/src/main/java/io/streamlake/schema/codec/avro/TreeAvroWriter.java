package io.streamlake.schema.codec.avro;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.schema.validation.Describe;
import io.streamlake.schema.validation.JsonAvroValues;
import io.streamlake.schema.validation.JsonPath;
import io.streamlake.schema.validation.Mismatch;
import io.streamlake.schema.validation.TreeConformance;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.Encoder;

/**
 * The tree tier of Avro writing ({@code TreeParse}, {@code TreeConformance}, {@code TreeAvroWriter}), the general path
 * used whenever the flat and streaming tiers decline: writes a JSON tree as Avro binary by walking the schema and the
 * tree together, with the same rules as validation ({@link JsonAvroValues}, union branches from
 * {@link TreeConformance}). An absent field with a default is written as its default; undeclared JSON fields are not
 * written. Thread-safe.
 */
final class TreeAvroWriter {

    static final String ERROR_CLASS = "SerializationError";

    private final TreeConformance checker;

    TreeAvroWriter(TreeConformance checker) {
        this.checker = checker;
    }

    /**
     * @throws RejectedPayloadException ({@value #ERROR_CLASS}) naming the path when the tree does not fit
     */
    void write(Schema schema, JsonNode node, Encoder out) throws IOException {
        write(schema, node, out, JsonPath.ROOT);
    }

    private void write(Schema schema, JsonNode node, Encoder out, JsonPath path) throws IOException {
        try {
            switch (schema.getType()) {
                case RECORD -> record(schema, node, out, path);
                case ARRAY -> array(schema, node, out, path);
                case MAP -> map(schema, node, out, path);
                case UNION -> {
                    int plain = checker.plainBranchIndex(schema, node);
                    if (plain >= 0) {
                        out.writeIndex(plain);
                        write(schema.getTypes().get(plain), node, out, path);
                    } else {
                        TreeConformance.Branch branch = checker.unionBranch(schema, node)
                                .orElseThrow(() -> new Mismatch(
                                        "expected " + Describe.expected(schema) + ", got " + Describe.found(node)));
                        out.writeIndex(branch.index());
                        write(branch.schema(), branch.value(), out, path);
                    }
                }
                default -> writeLeaf(schema, node, out);
            }
        } catch (Mismatch m) {
            throw new RejectedPayloadException(ERROR_CLASS, path + ": " + m.getMessage());
        }
    }

    /**
     * A record field's value: like {@link #write} with the field's path, but the path is made only when an error
     * needs it or the value has parts of its own, so a flat record of leaves and nullable leaves allocates none.
     */
    private void writeField(Schema schema, JsonNode value, Encoder out, JsonPath record, String name)
            throws IOException {
        Schema leaf = schema;
        int branch = -1;
        if (schema.getType() == Schema.Type.UNION) {
            branch = checker.plainBranchIndex(schema, value);
            leaf = branch >= 0 ? schema.getTypes().get(branch) : schema;
        }
        if (!TreeConformance.isLeaf(leaf)) {
            write(schema, value, out, record.field(name));
            return;
        }
        try {
            if (branch >= 0) {
                out.writeIndex(branch);
            }
            writeLeaf(leaf, value, out);
        } catch (Mismatch m) {
            throw new RejectedPayloadException(ERROR_CLASS, record.field(name) + ": " + m.getMessage());
        }
    }

    /** @throws Mismatch when {@code node} does not fit the leaf type */
    private static void writeLeaf(Schema schema, JsonNode node, Encoder out) throws IOException {
        switch (schema.getType()) {
            case NULL -> {
                if (!node.isNull()) {
                    throw new Mismatch("expected null, got " + Describe.found(node));
                }
                out.writeNull();
            }
            case BOOLEAN -> out.writeBoolean(JsonAvroValues.booleanValue(schema, node));
            case INT -> out.writeInt(JsonAvroValues.intValue(schema, node));
            case LONG -> out.writeLong(JsonAvroValues.longValue(schema, node));
            case FLOAT -> out.writeFloat(JsonAvroValues.floatValue(schema, node));
            case DOUBLE -> out.writeDouble(JsonAvroValues.doubleValue(schema, node));
            case STRING -> out.writeString(JsonAvroValues.stringValue(schema, node));
            case BYTES -> out.writeBytes(JsonAvroValues.bytesValue(schema, node));
            case FIXED -> out.writeFixed(JsonAvroValues.fixedValue(schema, node));
            case ENUM -> out.writeEnum(JsonAvroValues.enumIndex(schema, node));
            default -> throw new IllegalArgumentException("not a leaf type: " + schema.getType());
        }
    }

    private void record(Schema schema, JsonNode node, Encoder out, JsonPath path) throws IOException {
        if (!node.isObject()) {
            throw new Mismatch("expected " + Describe.expected(schema) + ", got " + Describe.found(node));
        }
        for (Schema.Field field : schema.getFields()) {
            JsonNode value = node.get(field.name());
            if (value != null) {
                writeField(field.schema(), value, out, path, field.name());
            } else if (field.hasDefaultValue()) {
                new GenericDatumWriter<>(field.schema(), GenericData.get())
                        .write(GenericData.get().getDefaultValue(field), out);
            } else {
                throw new RejectedPayloadException(
                        ERROR_CLASS,
                        path.field(field.name()) + ": required field missing (expected "
                                + Describe.expected(field.schema()) + ")");
            }
        }
    }

    private void array(Schema schema, JsonNode node, Encoder out, JsonPath path) throws IOException {
        if (!node.isArray()) {
            throw new Mismatch("expected array, got " + Describe.found(node));
        }
        out.writeArrayStart();
        out.setItemCount(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.startItem();
            write(schema.getElementType(), node.get(i), out, path.index(i));
        }
        out.writeArrayEnd();
    }

    private void map(Schema schema, JsonNode node, Encoder out, JsonPath path) throws IOException {
        if (!node.isObject()) {
            throw new Mismatch("expected object (map), got " + Describe.found(node));
        }
        out.writeMapStart();
        out.setItemCount(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            out.startItem();
            out.writeString(entry.getKey());
            write(schema.getValueType(), entry.getValue(), out, path.field(entry.getKey()));
        }
        out.writeMapEnd();
    }
}
