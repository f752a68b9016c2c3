package io.streamlake.contracts;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The CEL types of one Avro record schema: each record becomes a CEL struct named by its full name, with one field per
 * Avro field, so the type checker refuses a field the schema does not have. Avro {@code int}/{@code long} are CEL
 * {@code int}, {@code float}/{@code double} and decimals {@code double}, {@code string} and enums {@code string},
 * {@code bytes}/{@code fixed} {@code bytes}, arrays lists, maps {@code map(string, …)}; a union of {@code null} and
 * one scalar is that scalar's nullable (wrapper) type, which compares with {@code null}; any other union is
 * {@code dyn}.
 */
final class AvroCelTypes implements CelTypeProvider {

    private final Map<String, StructType> structs = new LinkedHashMap<>();
    private final StructType root;

    AvroCelTypes(Schema record) {
        this.root = (StructType) typeOf(record);
    }

    /** The type of {@code message}. */
    StructType root() {
        return root;
    }

    @Override
    public ImmutableList<CelType> types() {
        return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(structs.get(typeName));
    }

    private CelType typeOf(Schema schema) {
        if (isDecimal(schema)) {
            return SimpleType.DOUBLE;
        }
        return switch (schema.getType()) {
            case NULL -> SimpleType.NULL_TYPE;
            case BOOLEAN -> SimpleType.BOOL;
            case INT, LONG -> SimpleType.INT;
            case FLOAT, DOUBLE -> SimpleType.DOUBLE;
            case STRING, ENUM -> SimpleType.STRING;
            case BYTES, FIXED -> SimpleType.BYTES;
            case ARRAY -> ListType.create(typeOf(schema.getElementType()));
            case MAP -> MapType.create(SimpleType.STRING, typeOf(schema.getValueType()));
            case RECORD -> struct(schema);
            case UNION -> union(schema.getTypes());
        };
    }

    private CelType union(List<Schema> branches) {
        Schema only = nonNull(branches);
        if (only == null) {
            return SimpleType.DYN;
        }
        CelType type = typeOf(only);
        return type instanceof SimpleType ? NullableType.create(type) : type;
    }

    /** The one non-null branch of a union of null and one other type; null for any other union. */
    static Schema nonNull(List<Schema> branches) {
        if (branches.size() != 2) {
            return branches.size() == 1 ? branches.get(0) : null;
        }
        if (branches.get(0).getType() == Schema.Type.NULL) {
            return branches.get(1);
        }
        return branches.get(1).getType() == Schema.Type.NULL ? branches.get(0) : null;
    }

    private StructType struct(Schema record) {
        StructType known = structs.get(record.getFullName());
        if (known != null) {
            return known;
        }
        Map<String, CelType> fields = new LinkedHashMap<>();
        StructType type = StructType.create(
                record.getFullName(),
                ImmutableSet.copyOf(
                        record.getFields().stream().map(Schema.Field::name).toList()),
                name -> Optional.ofNullable(fields.get(name)));
        structs.put(record.getFullName(), type); // before the fields: a record may refer to itself
        for (Schema.Field field : record.getFields()) {
            fields.put(field.name(), typeOf(field.schema()));
        }
        return type;
    }

    static boolean isDecimal(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        return logical instanceof LogicalTypes.Decimal;
    }
}
