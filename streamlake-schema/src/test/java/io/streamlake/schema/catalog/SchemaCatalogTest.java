package io.streamlake.schema.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCatalogTest {

    private static final DatasetName ORDERS = DatasetName.of("orders");
    private final SchemaCatalog catalog = SchemaCatalogs.builtIn();

    @Test
    void givenBuiltInResources_thenIndexListsExactlyTheSchemaFiles() throws IOException, URISyntaxException {
        Path root = Path.of(getClass()
                        .getClassLoader()
                        .getResource("schemas/index.txt")
                        .toURI())
                .getParent();
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".avsc"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        List<String> indexed = Files.readAllLines(root.resolve("index.txt")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .sorted()
                .toList();
        assertThat(indexed).isEqualTo(files);
    }

    @Test
    void givenBuiltInCatalog_thenOrdersAndPaymentsAreListedWithTheirVersions() {
        assertThat(catalog.datasets()).extracting(DatasetName::value).containsExactly("orders", "payments");
        assertThat(catalog.versions(ORDERS)).containsExactly(SchemaVersion.of(1), SchemaVersion.of(2));
    }

    @Test
    void givenOrdersV1_thenItHasExactlyOrderIdAndAmount() {
        Schema v1 = catalog.require(ORDERS, Optional.of(SchemaVersion.of(1))).schema();
        assertThat(v1.getFullName()).isEqualTo("io.streamlake.datasets.orders.Order");
        assertThat(v1.getFields()).extracting(Schema.Field::name).containsExactly("order_id", "amount");
        assertThat(v1.getField("order_id").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(v1.getField("amount").schema().getType()).isEqualTo(Schema.Type.DOUBLE);
    }

    @Test
    void givenNoVersion_thenLatestIsChosen() {
        CatalogEntry latest = catalog.require(ORDERS, Optional.empty());
        assertThat(latest.version()).isEqualTo(SchemaVersion.of(2));
        Schema.Field currency = latest.schema().getField("currency");
        assertThat(currency.schema().getTypes())
                .extracting(Schema::getType)
                .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
        assertThat(currency.defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    }

    @Test
    void givenPayments_thenItUsesTimestampMillisNestedRecordAndEnum() {
        Schema payment =
                catalog.require(DatasetName.of("payments"), Optional.empty()).schema();
        assertThat(payment.getField("paid_at").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(payment.getField("method").schema().getType()).isEqualTo(Schema.Type.ENUM);
        assertThat(payment.getField("customer").schema().getType()).isEqualTo(Schema.Type.RECORD);
    }

    @Test
    void givenUnknownDataset_thenNotFoundNamesIt() {
        assertThat(catalog.lookup(DatasetName.of("refunds"), Optional.empty()))
                .isEqualTo(new CatalogLookup.NotFound(
                        "unknown dataset 'refunds' (the schema catalog has orders, payments)"));
    }

    @Test
    void givenUnknownVersion_thenNotFoundNamesItAndTheKnownOnes() {
        assertThat(catalog.lookup(ORDERS, Optional.of(SchemaVersion.of(9))))
                .isEqualTo(new CatalogLookup.NotFound("unknown schema version v9 of dataset 'orders' (known: v1, v2)"));
        assertThatThrownBy(() -> catalog.require(ORDERS, Optional.of(SchemaVersion.of(9))))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("v9");
    }

    @Test
    void givenExternalDirectory_thenItAddsDatasetsAndVersionsAndOverridesBuiltIns(@TempDir Path dir)
            throws IOException {
        write(
                dir.resolve("refunds/v1.avsc"),
                "{\"type\":\"record\",\"name\":\"Refund\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        write(
                dir.resolve("orders/v3.avsc"),
                "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.streamlake.datasets.orders\","
                        + "\"fields\":[{\"name\":\"order_id\",\"type\":\"string\"}]}");
        write(
                dir.resolve("orders/v1.avsc"),
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        write(dir.resolve("orders/notes.txt"), "ignored");

        SchemaCatalog extended = SchemaCatalogs.create(Optional.of(dir));

        assertThat(extended.datasets()).extracting(DatasetName::value).containsExactly("orders", "payments", "refunds");
        assertThat(extended.require(ORDERS, Optional.empty()).version()).isEqualTo(SchemaVersion.of(3));
        CatalogEntry v1 = extended.require(ORDERS, Optional.of(SchemaVersion.of(1)));
        assertThat(v1.schema().getFields()).extracting(Schema.Field::name).containsExactly("x");
        assertThat(v1.source()).endsWith("v1.avsc").doesNotStartWith("classpath:");
    }

    @Test
    void givenBrokenFileInExternalDirectory_thenLoadingFailsNamingIt(@TempDir Path dir) throws IOException {
        write(
                dir.resolve("bad/v1.avsc"),
                "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"a\",\"type\":\"nope\"}]}");

        assertThatThrownBy(() -> SchemaCatalogs.create(Optional.of(dir)))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("v1.avsc")
                .hasMessageContaining("nope");
    }

    @Test
    void givenMissingExternalDirectory_thenLoadingFailsNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> SchemaCatalogs.create(Optional.of(missing)))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining(missing.toString());
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
