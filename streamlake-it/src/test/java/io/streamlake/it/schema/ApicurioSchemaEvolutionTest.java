package io.streamlake.it.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.schema.SchemaRegistryClients;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.config.SchemaConfig.RegistryMode;
import io.streamlake.schema.registry.RegistrySettings;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SubjectNameStrategies;
import io.streamlake.schema.registry.compat.EvolutionCheck;
import io.streamlake.schema.registry.compat.PreparedSchema;
import io.streamlake.schema.registry.compat.SchemaPreflight;
import io.streamlake.test.RegistryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema evolution of the catalog's orders dataset against the real registry (global level BACKWARD). */
@StreamLakeIntegrationTest
class ApicurioSchemaEvolutionTest {

    private static final DatasetName ORDERS = DatasetName.of("orders");
    private static final String V3_NEW_REQUIRED_FIELD = """
            {"type": "record", "name": "Order", "namespace": "io.streamlake.datasets.orders", "fields": [
              {"name": "order_id", "type": "string"}, {"name": "amount", "type": "double"},
              {"name": "currency", "type": ["null", "string"], "default": null},
              {"name": "customer_id", "type": "string"}]}
            """;

    private SchemaRegistryClient client;
    private String subject;
    private SchemaCatalog catalog;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp(RegistryEndpoint registry) throws IOException {
        client = SchemaRegistryClients.create(RegistrySettings.of(registry.url()));
        subject = registry.uniqueSubject("orders-evolution-value");
        Files.createDirectories(dir.resolve("orders"));
        Files.writeString(dir.resolve("orders/v3.avsc"), V3_NEW_REQUIRED_FIELD);
        catalog = SchemaCatalogs.create(Optional.of(dir));
    }

    private SchemaPreflight preflight() {
        return new SchemaPreflight(
                catalog,
                client,
                (topic, schema) -> subject,
                TopicNaming.defaults(),
                RegistryMode.AUTO_REGISTER,
                Optional.empty());
    }

    @Test
    void givenOrdersV1ThenV2_thenBothAreRegisteredUnderBackward() {
        SchemaPreflight preflight = preflight();
        PreparedSchema v1 = preflight.prepare(ORDERS, Optional.of(SchemaVersion.of(1)));
        PreparedSchema v2 = preflight.prepare(ORDERS, Optional.of(SchemaVersion.of(2)));

        assertThat(v2.schemaId()).isNotEqualTo(v1.schemaId());
        assertThat(client.versions(subject)).containsExactly(1, 2);
        assertThat(client.schemaById(v2.schemaId())).isEqualTo(v2.entry().schema());
    }

    @Test
    void givenIncompatibleV3_thenRefusedWithTheRegistrysReasonBeforeAnyRegistration() {
        SchemaPreflight preflight = preflight();
        preflight.prepare(ORDERS, Optional.of(SchemaVersion.of(2)));

        EvolutionCheck check = preflight.check(ORDERS, SchemaVersion.of(3));
        assertThat(check.compatible()).isFalse();
        assertThat(check.summary()).contains("customer_id");
        assertThatThrownBy(() -> preflight.prepare(ORDERS, Optional.of(SchemaVersion.of(3))))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("orders v3")
                .hasMessageContaining(subject)
                .hasMessageContaining("customer_id");
        assertThat(client.versions(subject)).containsExactly(1);
    }

    @Test
    void givenTopicStrategy_thenSubjectIsTheRawTopicValue() {
        assertThat(SubjectNameStrategies.TOPIC.subjectName(
                        TopicNaming.defaults().raw(ORDERS), null))
                .isEqualTo("streamlake.orders.raw-value");
    }
}
