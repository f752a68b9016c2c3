package io.streamlake.it.pipeline;

import static io.streamlake.it.pipeline.PipelineFixture.ORDERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team drops an incompatible {@code orders/v3.avsc} into {@code schema.catalog.dir}: the new deployment is
 * refused by the preflight, naming subject, version and reason, and not one record reaches Kafka.
 */
@StreamLakeIntegrationTest
class SchemaEvolutionPipelineTest {

    /** v2 plus a required field without default: a v3 reader cannot read v2 data, so BACKWARD refuses it. */
    private static final String V3_NEW_REQUIRED_FIELD = """
            {"type": "record", "name": "Order", "namespace": "io.streamlake.datasets.orders", "fields": [
              {"name": "order_id", "type": "string"}, {"name": "amount", "type": "double"},
              {"name": "currency", "type": ["null", "string"], "default": null},
              {"name": "loyalty_tier", "type": "string"}]}
            """;

    @TempDir
    Path catalogDir;

    @Test
    void givenIncompatibleCatalogVersion_thenRefusedBeforeAnythingIsPublished(
            KafkaEndpoint kafka, RegistryEndpoint registry) throws Exception {
        Files.createDirectories(catalogDir.resolve("orders"));
        Files.writeString(catalogDir.resolve("orders/v3.avsc"), V3_NEW_REQUIRED_FIELD);
        TopicNaming naming = new TopicNaming(kafka.uniqueName("p"));
        String subject = naming.raw(ORDERS) + "-value";

        // the running deployment: built-in catalog, orders v2 registered under the subject by its preflight
        try (PipelineFixture current = PipelineFixture.start(kafka, naming, PipelineFixture.avro(registry))) {
            current.provision(ORDERS);
            assertThat(current.prepare(ORDERS, Optional.empty())
                            .orElseThrow()
                            .entry()
                            .version())
                    .isEqualTo(SchemaVersion.of(2));
        }

        Map<String, String> settings = new HashMap<>(PipelineFixture.avro(registry));
        settings.put(SchemaConfig.CATALOG_DIR_CONFIG, catalogDir.toString());
        try (PipelineFixture next = PipelineFixture.start(kafka, naming, settings)) {
            assertThatThrownBy(() -> next.prepare(ORDERS, Optional.empty()))
                    .isInstanceOf(FatalStreamLakeException.class)
                    .hasMessageContaining(subject)
                    .hasMessageContaining("orders v3")
                    .hasMessageContaining("loyalty_tier")
                    .hasMessageContaining(
                            "ncompatible"); // the registry's own words (Apicurio: "Incompatible artifact")

            // a producer that skipped the preflight gets the same refusal as a fatal failure, never a dead letter
            IngestionResult result = next.ingest(IngestCommand.of(
                    ORDERS,
                    "o-1",
                    "{\"order_id\": \"o-1\", \"amount\": 1.0, \"loyalty_tier\": \"gold\"}".getBytes(UTF_8)));
            assertThat(result).isInstanceOfSatisfying(IngestionResult.Failed.class, failed -> {
                assertThat(failed.retriable()).isFalse();
                assertThat(failed.reason()).contains("orders v3").contains(subject);
            });

            assertThat(next.endOffsets(next.raw(ORDERS)))
                    .as("records in the RAW topic")
                    .isZero();
            assertThat(next.endOffsets(next.deadLetter(ORDERS)))
                    .as("records in the DLQ topic")
                    .isZero();
        }
        assertThat(registeredVersions(registry, subject))
                .as("v3 was not registered")
                .isEqualTo("[1]");
    }

    /** {@code GET /subjects/{subject}/versions}, over plain HTTP. */
    private static String registeredVersions(RegistryEndpoint registry, String subject) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/"
                                        + URLEncoder.encode(subject, UTF_8) + "/versions"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replace(" ", "");
    }
}
