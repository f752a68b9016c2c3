package io.streamlake.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the declarations; this fails when the committed file is stale. Regenerate
 * with {@code -Dstreamlake.regenerateDocs=true} (or {@code streamlake config --reference > docs/configuration.md}).
 */
class ConfigReferenceTest {

    private static final Path DOC = Path.of(System.getProperty("streamlake.docs.dir", "../docs"), "configuration.md");

    @Test
    void givenTheDeclarations_thenDocsConfigurationMdIsUpToDate() throws IOException {
        String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("streamlake.regenerateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC))
                .as(
                        "%s is missing; regenerate it with: mvn -pl streamlake-runtime -am test "
                                + "-Dtest=ConfigReferenceTest -Dstreamlake.regenerateDocs=true -Dsurefire.failIfNoSpecifiedTests=false",
                        DOC)
                .isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(
                        "%s is stale: the configuration declarations changed. Regenerate it with: mvn -pl streamlake-runtime -am "
                                + "test -Dtest=ConfigReferenceTest -Dstreamlake.regenerateDocs=true "
                                + "-Dsurefire.failIfNoSpecifiedTests=false (or ./streamlake config --reference > docs/configuration.md)",
                        DOC)
                .isEqualTo(generated);
    }

    @Test
    void givenTheReference_thenEverySectionAndTheEnvironmentMappingAreDocumented() {
        String doc = ConfigReference.markdown();

        assertThat(doc)
                .contains("## Core")
                .contains("## Schemas")
                .contains("## Kafka transport")
                .contains("`topic.prefix`")
                .contains("`STREAMLAKE_TOPIC_PREFIX`")
                .contains("`bootstrap.servers`")
                .contains("`KAFKA_BOOTSTRAP_SERVERS`")
                .contains("`schema.registry.url`")
                .contains("`SCHEMA_REGISTRY_URL`")
                .contains("`serialization`")
                .contains("`STREAMLAKE_SERIALIZATION`");
    }
}
