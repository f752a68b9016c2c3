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

    /**
     * The section streamlake-connect generates and keeps at the end of the file, between its markers; this test
     * leaves it as it is (streamlake-connect's ConnectConfigReferenceTest checks it).
     */
    private static final String CONNECT_BEGIN = "<!-- BEGIN streamlake-connect";

    private static final String CONNECT_END = "<!-- END streamlake-connect -->\n";

    private static String connectSection(String doc) {
        int begin = doc.indexOf(CONNECT_BEGIN);
        int end = doc.indexOf(CONNECT_END);
        return begin < 0 || end < begin ? "" : doc.substring(begin, end + CONNECT_END.length());
    }

    @Test
    void givenTheDeclarations_thenDocsConfigurationMdIsUpToDate() throws IOException {
        String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("streamlake.regenerateDocs")) {
            String connect = Files.exists(DOC) ? connectSection(Files.readString(DOC, StandardCharsets.UTF_8)) : "";
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, connect.isEmpty() ? generated : generated + "\n" + connect, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC))
                .as(
                        "%s is missing; regenerate it with: mvn -pl streamlake-runtime -am test "
                                + "-Dtest=ConfigReferenceTest -Dstreamlake.regenerateDocs=true -Dsurefire.failIfNoSpecifiedTests=false",
                        DOC)
                .isTrue();
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String connect = connectSection(committed);
        String withoutConnect = connect.isEmpty() ? committed : committed.replace("\n" + connect, "");
        assertThat(withoutConnect)
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
