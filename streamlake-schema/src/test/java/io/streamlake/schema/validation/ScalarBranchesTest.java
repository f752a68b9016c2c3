package io.streamlake.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streamlake.schema.codec.json.TopLevelScalars.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

class ScalarBranchesTest {

    private static final TreeConformance CHECKER = new TreeConformance(UnknownFieldPolicy.REJECT);

    /** Values of each kind as the tree holds them, including ones that only some branches accept. */
    private static final Map<Kind, List<JsonNode>> VALUES = Map.of(
            Kind.NULL, List.of(NullNode.getInstance()),
            Kind.TRUE, List.of(BooleanNode.TRUE),
            Kind.FALSE, List.of(BooleanNode.FALSE),
            Kind.STRING,
                    List.of(
                            TextNode.valueOf("x"),
                            TextNode.valueOf("A"),
                            TextNode.valueOf("2024-01-31"),
                            TextNode.valueOf("123e4567-e89b-12d3-a456-426614174000"),
                            TextNode.valueOf("")),
            Kind.INT, List.of(IntNode.valueOf(5), IntNode.valueOf(-1)),
            Kind.LONG, List.of(LongNode.valueOf(1L << 40)),
            Kind.PLAIN_DECIMAL,
                    List.of(
                            DecimalNode.valueOf(new BigDecimal("1.5")),
                            DecimalNode.valueOf(new BigDecimal("9".repeat(60) + ".5"))));

    @Property(tries = 3_000)
    void givenAnyUnionOfScalarBranches_whenTheKindDecides_thenItIsTheCheckersBranch(
            @ForAll("unions") Schema union, @ForAll Kind kind) {
        int fast = ScalarBranches.plainBranchIndex(union, kind);
        if (fast == ScalarBranches.NOT_SURE || !VALUES.containsKey(kind)) {
            return;
        }
        for (JsonNode value : VALUES.get(kind)) {
            assertThat(fast).as("%s %s", union, value).isEqualTo(CHECKER.plainBranchIndex(union, value));
        }
    }

    @Example
    void givenANullableString_thenNullAndStringsAreDecidedWithoutANode() {
        Schema nullable = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        assertThat(ScalarBranches.plainBranchIndex(nullable, Kind.NULL)).isZero();
        assertThat(ScalarBranches.plainBranchIndex(nullable, Kind.STRING)).isEqualTo(1);
        assertThat(ScalarBranches.plainBranchIndex(nullable, Kind.INT)).isEqualTo(ScalarBranches.NOT_SURE);
    }

    @Example
    void givenAnEnumBeforeTheString_thenOnlyTheCheckerDecides() {
        Schema union =
                Schema.createUnion(SchemaBuilder.enumeration("E").symbols("A"), Schema.create(Schema.Type.STRING));
        assertThat(ScalarBranches.plainBranchIndex(union, Kind.STRING)).isEqualTo(ScalarBranches.NOT_SURE);
    }

    @Provide
    Arbitrary<Schema> unions() {
        List<Schema> pool = List.of(
                Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.BOOLEAN),
                Schema.create(Schema.Type.INT),
                LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT)),
                Schema.create(Schema.Type.LONG),
                LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)),
                Schema.create(Schema.Type.FLOAT),
                Schema.create(Schema.Type.DOUBLE),
                Schema.create(Schema.Type.STRING),
                LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING)),
                Schema.create(Schema.Type.BYTES),
                SchemaBuilder.enumeration("E").symbols("A", "B"),
                SchemaBuilder.fixed("F").size(1),
                SchemaBuilder.record("R").fields().optionalString("s").endRecord(),
                Schema.createArray(Schema.create(Schema.Type.INT)),
                Schema.createMap(Schema.create(Schema.Type.INT)));
        return Arbitraries.of(pool).list().ofMinSize(1).ofMaxSize(5).map(ScalarBranchesTest::distinct);
    }

    /** A valid union: at most one branch per type (Avro refuses duplicates). */
    private static Schema distinct(List<Schema> branches) {
        List<Schema> kept = new ArrayList<>();
        for (Schema b : branches) {
            if (kept.stream().noneMatch(k -> k.getType() == b.getType())) {
                kept.add(b);
            }
        }
        return Schema.createUnion(kept);
    }
}
