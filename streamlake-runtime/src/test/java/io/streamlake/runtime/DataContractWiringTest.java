package io.streamlake.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.InvalidRulesException;
import io.streamlake.runtime.metrics.IngestionCounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime compiles the catalog's rules at build and runs them on the library's publish path. */
class DataContractWiringTest {

    private static final String SCHEMA = """
            {"type": "record", "name": "Sale", "namespace": "test.wiring", "fields": [
              {"name": "sale_id", "type": "string"},
              {"name": "amount", "type": "double"},
              {"name": "email", "type": "string", "tags": ["PII"]}]}
            """;
    private static final String RULES = """
            {"domainRules": [
              {"name": "mask-email", "kind": "TRANSFORM", "type": "CEL_FIELD", "tags": ["PII"], "expr": "'***'"},
              {"name": "positive-amount", "kind": "CONDITION", "type": "CEL", "expr": "message.amount > 0.0"},
              {"name": "small-amount", "kind": "CONDITION", "type": "CEL", "expr": "message.amount < 1000.0",
               "onFailure": "NONE"}]}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private StreamLake streamLake(String rules) throws IOException {
        Path sales = Files.createDirectories(dir.resolve("sales"));
        Files.writeString(sales.resolve("v1.avsc"), SCHEMA);
        Files.writeString(sales.resolve("v1.rules.json"), rules);
        return StreamLake.builder()
                .set("transport", "stdout")
                .set("schema.catalog.dir", dir.toString())
                .console(new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(new StringWriter()), false))
                .build();
    }

    @Test
    void givenRulesInTheCatalog_thenTheLibraryAppliesThemAndCountsTheirEffects() throws IOException {
        try (StreamLake lake = streamLake(RULES)) {
            IngestionResult good =
                    lake.produce("k1", "{\"sale_id\": \"s1\", \"amount\": 5000, \"email\": \"a@b.c\"}", "sales", null);
            IngestionResult bad =
                    lake.produce("k2", "{\"sale_id\": \"s2\", \"amount\": -1, \"email\": \"d@e.f\"}", "sales", null);

            assertThat(good).isInstanceOf(IngestionResult.Published.class);
            assertThat(bad).isInstanceOfSatisfying(IngestionResult.DeadLettered.class, d -> {
                assertThat(d.stage()).isEqualTo(DlqStage.RULE);
                assertThat(d.rule()).isEqualTo("positive-amount");
            });
            assertThat(out.toString())
                    .doesNotContain("a@b.c")
                    .doesNotContain("d@e.f")
                    .contains("\"dlq_rule\":\"positive-amount\"");
            IngestionCounts counts =
                    IngestionCounts.read(lake.injector().getInstance(MeterRegistry.class), DatasetName.of("sales"));
            assertThat(counts.rules())
                    .containsEntry("mask-email", java.util.Map.of("transformed", 2L))
                    .containsEntry("positive-amount", java.util.Map.of("dead_lettered", 1L))
                    .containsEntry("small-amount", java.util.Map.of("tolerated", 1L));
        }
    }

    @Test
    void givenARuleThatDoesNotCompile_thenBuildFailsNamingIt() {
        assertThatThrownBy(() ->
                        streamLake("{\"domainRules\": [{\"name\": \"typo\", \"kind\": \"CONDITION\", \"type\": \"CEL\","
                                + " \"expr\": \"message.amout > 0.0\"}]}"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(
                        "v1.rules.json: rule 'typo' (line 1, column 18): expr column 8: undefined field 'amout'");
    }
}
