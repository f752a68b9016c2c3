package io.streamlake.schema.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.config.SchemaConfig.RegistryMode;
import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SubjectNameStrategies;
import io.streamlake.schema.registry.memory.MockSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaPreflightTest {

    static final DatasetName ORDERS = DatasetName.of("orders");
    static final String SUBJECT = "streamlake.orders.raw-value";
    static final String V3_NEW_REQUIRED_FIELD = """
            {"type": "record", "name": "Order", "namespace": "io.streamlake.datasets.orders", "fields": [
              {"name": "order_id", "type": "string"}, {"name": "amount", "type": "double"},
              {"name": "currency", "type": ["null", "string"], "default": null},
              {"name": "customer_id", "type": "string"}]}
            """;
    static final String V3_TYPE_CHANGE = """
            {"type": "record", "name": "Order", "namespace": "io.streamlake.datasets.orders", "fields": [
              {"name": "order_id", "type": "string"}, {"name": "amount", "type": "string"}]}
            """;

    private final String scope = "preflight-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = MockSchemaRegistry.client(scope);

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        MockSchemaRegistry.reset(scope);
    }

    private SchemaPreflight preflight(SchemaCatalog catalog, RegistryMode mode, Optional<Integer> pinned) {
        return new SchemaPreflight(
                catalog, registry, SubjectNameStrategies.TOPIC, TopicNaming.defaults(), mode, pinned);
    }

    private SchemaPreflight autoRegister(SchemaCatalog catalog) {
        return preflight(catalog, RegistryMode.AUTO_REGISTER, Optional.empty());
    }

    private SchemaCatalog catalogWithV3(String v3) throws IOException {
        Files.createDirectories(dir.resolve("orders"));
        Files.writeString(dir.resolve("orders/v3.avsc"), v3);
        return SchemaCatalogs.create(Optional.of(dir));
    }

    private static Optional<SchemaVersion> v(int n) {
        return Optional.of(SchemaVersion.of(n));
    }

    @Test
    void givenOrdersV1ThenV2_whenAutoRegistered_thenBothPassBackwardWithTheirOwnIds() {
        SchemaPreflight preflight = autoRegister(SchemaCatalogs.builtIn());
        PreparedSchema v1 = preflight.prepare(ORDERS, v(1));
        PreparedSchema v2 = preflight.prepare(ORDERS, v(2));
        assertThat(v1.subject()).isEqualTo(SUBJECT);
        assertThat(v2.schemaId()).isNotEqualTo(v1.schemaId());
        assertThat(registry.versions(SUBJECT)).containsExactly(1, 2);
        assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void givenNewRequiredFieldInV3_whenAutoRegistered_thenRefusedNamingSubjectVersionAndReason() throws IOException {
        SchemaPreflight preflight = autoRegister(catalogWithV3(V3_NEW_REQUIRED_FIELD));
        preflight.prepare(ORDERS, v(1));
        preflight.prepare(ORDERS, v(2));
        assertThatThrownBy(() -> preflight.prepare(ORDERS, v(3)))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("orders v3")
                .hasMessageContaining(SUBJECT)
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT")
                .hasMessageContaining("customer_id");
        assertThat(registry.versions(SUBJECT)).containsExactly(1, 2);
    }

    @Test
    void givenTypeChangeInV3_whenAutoRegistered_thenRefused() throws IOException {
        SchemaPreflight preflight = autoRegister(catalogWithV3(V3_TYPE_CHANGE));
        preflight.prepare(ORDERS, v(2));
        assertThatThrownBy(() -> preflight.prepare(ORDERS, v(3)))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("orders v3")
                .hasMessageContaining("TYPE_MISMATCH");
    }

    @Test
    void givenCheck_thenItReportsWithoutRegistering() throws IOException {
        SchemaPreflight preflight = autoRegister(catalogWithV3(V3_NEW_REQUIRED_FIELD));
        preflight.prepare(ORDERS, v(1));

        EvolutionCheck v2 = preflight.check(ORDERS, SchemaVersion.of(2));
        assertThat(v2.compatible()).isTrue();
        assertThat(v2.registeredId()).isEmpty();
        assertThat(preflight.check(ORDERS, SchemaVersion.of(1)).registeredId()).isPresent();
        EvolutionCheck v3 = preflight.check(ORDERS, SchemaVersion.of(3));
        assertThat(v3.compatible()).isFalse();
        assertThat(v3.summary()).startsWith("orders v3 -> subject " + SUBJECT + ": INCOMPATIBLE: ");
        assertThat(registry.versions(SUBJECT)).containsExactly(1);
    }

    @Test
    void givenPreparedVersion_thenTheRegistryIsNotAskedAgain() {
        SchemaPreflight preflight = autoRegister(SchemaCatalogs.builtIn());
        PreparedSchema first = preflight.prepare(ORDERS, Optional.empty());
        MockSchemaRegistry.reset(scope);
        assertThat(preflight.prepare(ORDERS, Optional.empty())).isSameAs(first);
    }

    @Test
    void givenUnknownDataset_thenPrepareFailsNamingIt() {
        assertThatThrownBy(
                        () -> autoRegister(SchemaCatalogs.builtIn()).prepare(DatasetName.of("nope"), Optional.empty()))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("unknown dataset 'nope'");
    }

    @Test
    void givenUseLatest_thenTheLatestSchemaWritesOlderCatalogVersions() {
        autoRegister(SchemaCatalogs.builtIn()).prepare(ORDERS, v(1));
        int v2Id = registry.register(
                SUBJECT, SchemaCatalogs.builtIn().require(ORDERS, v(2)).schema());

        PreparedSchema prepared = preflight(SchemaCatalogs.builtIn(), RegistryMode.USE_LATEST, Optional.empty())
                .prepare(ORDERS, v(1));
        assertThat(prepared.schemaId()).isEqualTo(v2Id);
        assertThat(prepared.writerSchema().getField("currency")).isNotNull();
    }

    @Test
    void givenUseLatestWithoutVersions_thenRefused() {
        assertThatThrownBy(() -> preflight(SchemaCatalogs.builtIn(), RegistryMode.USE_LATEST, Optional.empty())
                        .prepare(ORDERS, v(1)))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("no registered versions");
    }

    @Test
    void givenUseLatestThatCannotReadTheCatalogVersion_thenRefused() throws IOException {
        SchemaCatalog catalog = catalogWithV3(V3_NEW_REQUIRED_FIELD);
        registry.setSubjectCompatibility(SUBJECT, CompatibilityLevel.NONE);
        registry.register(SUBJECT, catalog.require(ORDERS, v(3)).schema());
        assertThatThrownBy(() -> preflight(catalog, RegistryMode.USE_LATEST, Optional.empty())
                        .prepare(ORDERS, v(1)))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("orders v1")
                .hasMessageContaining("customer_id");
    }

    @Test
    void givenPinnedId_thenExactlyThatSchemaIsUsed() {
        int v1Id = registry.register(
                "elsewhere", SchemaCatalogs.builtIn().require(ORDERS, v(1)).schema());
        PreparedSchema prepared = preflight(SchemaCatalogs.builtIn(), RegistryMode.PINNED, Optional.of(v1Id))
                .prepare(ORDERS, v(2));
        assertThat(prepared.schemaId()).isEqualTo(v1Id);
        assertThat(prepared.writerSchema().getField("currency")).isNull();
    }

    @Test
    void givenSubjectStrategies_thenSubjectsAreNamedAsConfluentDoes() {
        var entry = SchemaCatalogs.builtIn().require(ORDERS, v(1));
        String topic = TopicNaming.defaults().raw(ORDERS);
        assertThat(SubjectNameStrategies.byName("topic").subjectName(topic, entry.schema()))
                .isEqualTo(SUBJECT);
        assertThat(SubjectNameStrategies.byName("record").subjectName(topic, entry.schema()))
                .isEqualTo("io.streamlake.datasets.orders.Order");
        assertThat(SubjectNameStrategies.byName("topic-record").subjectName(topic, entry.schema()))
                .isEqualTo("streamlake.orders.raw-io.streamlake.datasets.orders.Order");
    }
}
