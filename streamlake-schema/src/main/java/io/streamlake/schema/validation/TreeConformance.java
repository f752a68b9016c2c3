package io.streamlake.schema.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlake.core.domain.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The tree tier of validation ({@code TreeParse}, {@code TreeConformance}, {@code TreeAvroWriter}), the general path
 * that decides whatever the flat and streaming tiers leave "not sure": checks a JSON tree against an Avro schema and
 * collects every violation, each naming its JSON path. It also chooses union branches for every tier. Records: each
 * field without a default must be present, fields with a default may be absent, undeclared fields follow the
 * {@link UnknownFieldPolicy}. Unions: the plain JSON value of one branch (the first branch it fits, in declaration
 * order), or Avro's JSON wrapping {@code {"string": "x"}} when no branch fits the plain value. Leaves follow
 * {@link JsonAvroValues}. Immutable and thread-safe.
 */
public final class TreeConformance {

    /** A union branch chosen for a JSON value; {@code value} is unwrapped when the wrapped form was used. */
    public record Branch(int index, Schema schema, JsonNode value) {}

    private final UnknownFieldPolicy unknownFields;

    public TreeConformance(UnknownFieldPolicy unknownFields) {
        this.unknownFields = Objects.requireNonNull(unknownFields, "unknownFields");
    }

    public UnknownFieldPolicy unknownFields() {
        return unknownFields;
    }

    /** Every violation of {@code node} against {@code schema}, in document order; empty when it conforms. */
    public List<Violation> violations(Schema schema, JsonNode node) {
        List<Violation> out = new ArrayList<>(0);
        check(schema, node, JsonPath.ROOT, out);
        return out;
    }

    /** The union branch {@code node} is written as, or empty when it fits none. */
    public Optional<Branch> unionBranch(Schema union, JsonNode node) {
        int plain = plainBranchIndex(union, node);
        if (plain >= 0) {
            return Optional.of(new Branch(plain, union.getTypes().get(plain), node));
        }
        return wrappedBranch(union, node);
    }

    /**
     * The index of the first branch (in declaration order) that {@code node} fits as a plain JSON value, or -1 when
     * it fits none as a plain value (it may still be in Avro's wrapped form, see {@link #unionBranch}). Allocates
     * nothing for leaf branches: it runs once per union value on the hot path of validation and encoding.
     */
    public int plainBranchIndex(Schema union, JsonNode node) {
        List<Schema> types = union.getTypes();
        for (int i = 0; i < types.size(); i++) {
            Schema branch = types.get(i);
            if (plausible(branch, node) && conforms(branch, node)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<Branch> wrappedBranch(Schema union, JsonNode node) {
        if (node.isObject() && node.size() == 1) {
            List<Schema> types = union.getTypes();
            Map.Entry<String, JsonNode> wrapped = node.fields().next();
            for (int i = 0; i < types.size(); i++) {
                Schema branch = types.get(i);
                boolean named = wrapped.getKey().equals(Describe.branchName(branch))
                        || wrapped.getKey().equals(branch.getType().getName())
                        || (branch.getType() == Schema.Type.RECORD
                                        || branch.getType() == Schema.Type.ENUM
                                        || branch.getType() == Schema.Type.FIXED)
                                && wrapped.getKey().equals(branch.getName());
                if (named && conforms(branch, wrapped.getValue())) {
                    return Optional.of(new Branch(i, branch, wrapped.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    private boolean conforms(Schema schema, JsonNode node) {
        if (isLeaf(schema)) {
            try {
                checkLeaf(schema, node);
                return true;
            } catch (Mismatch m) {
                return false;
            }
        }
        List<Violation> probe = new ArrayList<>(0);
        check(schema, node, JsonPath.ROOT, probe);
        return probe.isEmpty();
    }

    /** True for the types that hold no other type (everything but record, array, map and union). */
    public static boolean isLeaf(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ARRAY, MAP, UNION -> false;
            default -> true;
        };
    }

    void check(Schema schema, JsonNode node, JsonPath path, List<Violation> out) {
        try {
            switch (schema.getType()) {
                case RECORD -> record(schema, node, path, out);
                case ARRAY -> array(schema, node, path, out);
                case MAP -> map(schema, node, path, out);
                case UNION -> union(schema, node, path, out);
                default -> checkLeaf(schema, node);
            }
        } catch (Mismatch m) {
            out.add(new Violation(path.toString(), m.getMessage()));
        }
    }

    /**
     * A record field's value: like {@link #check} with the field's path, but the path is made only when a violation
     * needs it or the value has parts of its own (so a conforming flat record allocates no paths).
     */
    private void checkField(Schema schema, JsonNode value, JsonPath record, String name, List<Violation> out) {
        if (isLeaf(schema)) {
            try {
                checkLeaf(schema, value);
            } catch (Mismatch m) {
                out.add(new Violation(record.field(name).toString(), m.getMessage()));
            }
        } else if (schema.getType() != Schema.Type.UNION || plainBranchIndex(schema, value) < 0) {
            check(schema, value, record.field(name), out);
        }
    }

    /** @throws Mismatch when {@code node} does not fit the leaf type */
    static void checkLeaf(Schema schema, JsonNode node) {
        switch (schema.getType()) {
            case NULL -> {
                if (!node.isNull()) {
                    throw Describe.mismatch(schema, node);
                }
            }
            case BOOLEAN -> JsonAvroValues.booleanValue(schema, node);
            case INT -> JsonAvroValues.intValue(schema, node);
            case LONG -> JsonAvroValues.longValue(schema, node);
            case FLOAT -> JsonAvroValues.floatValue(schema, node);
            case DOUBLE -> JsonAvroValues.doubleValue(schema, node);
            case STRING -> JsonAvroValues.stringValue(schema, node);
            case BYTES -> JsonAvroValues.bytesValue(schema, node);
            case FIXED -> JsonAvroValues.fixedValue(schema, node);
            case ENUM -> JsonAvroValues.enumIndex(schema, node);
            default -> throw new IllegalArgumentException("not a leaf type: " + schema.getType());
        }
    }

    /**
     * When no branch fits and exactly one branch has the value's JSON kind (typically a nullable record),
     * that branch's own violations are reported, with their nested paths; otherwise the union is named.
     */
    private void union(Schema schema, JsonNode node, JsonPath path, List<Violation> out) {
        if (plainBranchIndex(schema, node) >= 0 || wrappedBranch(schema, node).isPresent()) {
            return;
        }
        Schema only = null;
        int candidates = 0;
        for (Schema branch : schema.getTypes()) {
            if (plausible(branch, node)) {
                only = branch;
                candidates++;
            }
        }
        if (candidates == 1) {
            check(only, node, path, out);
        } else {
            out.add(new Violation(
                    path.toString(), "expected " + Describe.expected(schema) + ", got " + Describe.found(node)));
        }
    }

    private void record(Schema schema, JsonNode node, JsonPath path, List<Violation> out) {
        if (!node.isObject()) {
            throw Describe.mismatch(schema, node);
        }
        int known = 0;
        for (Schema.Field field : schema.getFields()) {
            JsonNode value = node.get(field.name());
            if (value == null) {
                if (!field.hasDefaultValue()) {
                    out.add(new Violation(
                            path.field(field.name()).toString(),
                            "required field missing (expected " + Describe.expected(field.schema()) + ")"));
                }
                continue;
            }
            known++;
            checkField(field.schema(), value, path, field.name(), out);
        }
        if (unknownFields == UnknownFieldPolicy.REJECT && known < node.size()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (schema.getField(name) == null) {
                    out.add(new Violation(
                            path.field(name).toString(),
                            "unknown field (record " + schema.getName() + " does not declare it)"));
                }
            }
        }
    }

    private void array(Schema schema, JsonNode node, JsonPath path, List<Violation> out) {
        if (!node.isArray()) {
            throw Describe.mismatch(schema, node);
        }
        for (int i = 0; i < node.size(); i++) {
            check(schema.getElementType(), node.get(i), path.index(i), out);
        }
    }

    private void map(Schema schema, JsonNode node, JsonPath path, List<Violation> out) {
        if (!node.isObject()) {
            throw Describe.mismatch(schema, node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            check(schema.getValueType(), entry.getValue(), path.field(entry.getKey()), out);
        }
    }

    /** A cheap pre-check on the JSON node type before a full check of a union branch. */
    private static boolean plausible(Schema branch, JsonNode node) {
        return switch (branch.getType()) {
            case NULL -> node.isNull();
            case BOOLEAN -> node.isBoolean();
            case INT, LONG -> node.isNumber() || (node.isTextual() && branch.getLogicalType() != null);
            case FLOAT, DOUBLE -> node.isNumber();
            case STRING, ENUM -> node.isTextual();
            case BYTES, FIXED -> node.isTextual() || node.isNumber();
            case RECORD, MAP -> node.isObject();
            case ARRAY -> node.isArray();
            case UNION -> true;
        };
    }
}
