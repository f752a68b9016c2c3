package io.streamlake.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

/** The connector's and the transform's settings: bad values are reported by key, as Connect's validate shows them. */
class ConnectorConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", StreamLakeFileSourceConnector.class.getName());
        config.put("dataset", "orders");
        config.put("input.path", "/tmp/none/*.jsonl");
        return config;
    }

    private static List<String> errors(Config result, String key) {
        return result.configValues().stream()
                .filter(v -> v.name().equals(key))
                .map(ConfigValue::errorMessages)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void givenBadValues_thenValidateReportsThemOnTheirKeys() {
        Map<String, String> config = valid();
        config.put("serialization", "xml");
        config.put("schema.version", "version-two");
        config.put("split.bytes", "-1");
        config.remove("dataset");

        Config result = new StreamLakeFileSourceConnector().validate(config);

        assertThat(errors(result, "serialization")).isNotEmpty();
        assertThat(errors(result, "schema.version")).isNotEmpty();
        assertThat(errors(result, "split.bytes")).isNotEmpty();
        assertThat(errors(result, "dataset")).isNotEmpty();
        assertThat(errors(result, "input.path")).isEmpty();
    }

    @Test
    void givenADatasetTheCatalogDoesNotKnow_thenValidateReportsItOnDataset() {
        Map<String, String> config = valid();
        config.put("dataset", "ordres");

        Config result = new StreamLakeFileSourceConnector().validate(config);

        assertThat(errors(result, "dataset"))
                .singleElement()
                .asString()
                .contains("ordres")
                .contains("orders");
    }

    @Test
    void givenSettingsThatContradictEachOther_thenValidateReportsTheKeyTheRuntimeNames() {
        Map<String, String> config = valid();
        config.put("schema.registry.mode", "pinned");

        Config result = new StreamLakeFileSourceConnector().validate(config);

        assertThat(errors(result, "schema.registry.pinned.id"))
                .singleElement()
                .asString()
                .contains("pinned");
        assertThat(errors(result, "dataset")).isEmpty();
    }

    @Test
    void givenValidSettings_thenTheyPassAndTheRuntimeGetsOnlyItsOwnKeys() {
        Map<String, String> config = valid();
        config.put("topic.prefix", "lake");
        config.put("headers.style", "both");
        config.put("key.field", "order_id");

        Config result = new StreamLakeFileSourceConnector().validate(config);
        FileSourceConfig parsed = new FileSourceConfig(config);

        assertThat(result.configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
        assertThat(parsed.runtimeSettings()).containsOnlyKeys("topic.prefix", "headers.style");
        assertThat(parsed.keyField()).isEqualTo("order_id");
    }

    @Test
    void givenAKeyTheCliUsesForAStream_thenItIsNotAPluginSetting() {
        assertThat(StreamLakeConnectConfig.transformDef().names())
                .contains("serialization", "schema.registry.url", "schema.catalog.dir", "topic.prefix", "headers.style")
                .doesNotContain(
                        "transport",
                        "prepare.threads",
                        "max.in.flight.events",
                        "bootstrap.servers",
                        "delivery.guarantee");
    }

    @Test
    void givenAnUnknownDataset_thenTheTransformFailsToConfigureNamingIt() {
        StreamLakeTransform<org.apache.kafka.connect.source.SourceRecord> transform = new StreamLakeTransform<>();
        assertThatThrownBy(() -> transform.configure(Map.of("dataset", "ordres")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ordres");
    }

    @Test
    void givenTheConnector_thenItSupportsExactlyOnceWithItsOwnTransactionBoundaries() {
        StreamLakeFileSourceConnector connector = new StreamLakeFileSourceConnector();
        assertThat(connector.exactlyOnceSupport(valid())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(valid()))
                .isEqualTo(ConnectorTransactionBoundaries.SUPPORTED);
    }
}
