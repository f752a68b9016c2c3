package io.streamlake.schema.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaConfigTest {

    @Test
    void givenNoSettings_thenDefaultsApply() {
        SchemaConfig config = new SchemaConfig(Map.of());
        assertThat(config.serialization()).isEqualTo(SchemaConfig.Serialization.JSON);
        assertThat(config.getString(SchemaConfig.REGISTRY_URL_CONFIG)).isEqualTo("http://localhost:8081");
        assertThat(config.registryMode()).isEqualTo(SchemaConfig.RegistryMode.AUTO_REGISTER);
        assertThat(config.registryRules()).isEqualTo(SchemaConfig.RegistryRules.CATALOG);
        assertThat(config.subjectNameStrategy()).isEqualTo("topic");
        assertThat(config.catalogDir()).isEmpty();
        assertThat(config.rejectUnknownFields()).isTrue();
        assertThat(config.validationEnabled()).isTrue();
        assertThat(config.getInt(SchemaConfig.REGISTRY_CONNECT_TIMEOUT_MS_CONFIG))
                .isEqualTo(5000);
        assertThat(config.getInt(SchemaConfig.REGISTRY_READ_TIMEOUT_MS_CONFIG)).isEqualTo(10000);
        assertThat(config.getInt(SchemaConfig.REGISTRY_RETRIES_CONFIG)).isEqualTo(3);
        assertThat(config.getLong(SchemaConfig.REGISTRY_RETRY_BACKOFF_MS_CONFIG))
                .isEqualTo(200L);
    }

    @Test
    void givenEveryKey_thenConfigDefDeclaresItWithDocumentation() {
        assertThat(SchemaConfig.configDef().names())
                .containsExactlyInAnyOrder(
                        "serialization",
                        "schema.registry.url",
                        "schema.registry.basic.auth.user.info",
                        "schema.registry.bearer.token",
                        "schema.registry.ssl.truststore.location",
                        "schema.registry.ssl.truststore.password",
                        "schema.registry.connect.timeout.ms",
                        "schema.registry.read.timeout.ms",
                        "schema.registry.retries",
                        "schema.registry.retry.backoff.ms",
                        "schema.registry.mode",
                        "schema.registry.pinned.id",
                        "schema.registry.rules",
                        "schema.subject.name.strategy",
                        "schema.catalog.dir",
                        "schema.unknown.fields",
                        "validation.enabled");
        SchemaConfig.configDef()
                .configKeys()
                .values()
                .forEach(k -> assertThat(k.documentation).isNotBlank());
    }

    @Test
    void givenValues_thenTypedAccessorsReadThem() {
        SchemaConfig config = new SchemaConfig(Map.of(
                "serialization",
                "avro",
                "schema.registry.url",
                "mock://x",
                "schema.registry.mode",
                "pinned",
                "schema.registry.pinned.id",
                "42",
                "schema.catalog.dir",
                "/tmp/c",
                "schema.unknown.fields",
                "ignore",
                "schema.subject.name.strategy",
                "topic-record"));
        assertThat(config.serialization()).isEqualTo(SchemaConfig.Serialization.AVRO);
        assertThat(config.registryMode()).isEqualTo(SchemaConfig.RegistryMode.PINNED);
        assertThat(config.pinnedId()).contains(42);
        assertThat(config.catalogDir()).isEqualTo(Optional.of(Path.of("/tmp/c")));
        assertThat(config.rejectUnknownFields()).isFalse();
    }

    @Test
    void givenInvalidValues_thenErrorNamesTheKey() {
        assertThatThrownBy(() -> new SchemaConfig(Map.of("serialization", "protobuf")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serialization");
        assertThatThrownBy(() -> new SchemaConfig(Map.of("schema.registry.url", "ftp://x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new SchemaConfig(Map.of("schema.registry.mode", "pinned")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.pinned.id");
        assertThatThrownBy(() -> new SchemaConfig(Map.of("schema.registry.retries", "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.retries");
    }

    @Test
    void givenSecrets_thenTheyNeverAppearInErrors() {
        assertThatThrownBy(() -> new SchemaConfig(Map.of("schema.registry.basic.auth.user.info", "nocolonsecret")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("user:password")
                .hasMessageNotContaining("nocolonsecret");
        assertThatThrownBy(() -> new SchemaConfig(Map.of("schema.registry.url", "http://u:pw123@host:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("pw123");
        assertThatThrownBy(() -> new SchemaConfig(
                        Map.of("schema.registry.basic.auth.user.info", "u:p1", "schema.registry.bearer.token", "tok9")))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("tok9")
                .hasMessageNotContaining("p1");
    }
}
