package io.streamlake.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md holds the plugin's section between its markers, as {@link ConnectConfigReference} generates
 * it; this fails when it is stale. Regenerate with {@code -Dstreamlake.regenerateDocs=true}.
 */
class ConnectConfigReferenceTest {

    private static final Path DOC = Path.of(System.getProperty("streamlake.docs.dir", "../docs"), "configuration.md");

    @Test
    void givenThePluginsDeclarations_thenItsSectionOfDocsConfigurationMdIsUpToDate() throws IOException {
        String generated = ConnectConfigReference.markdown();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(ConnectConfigReference.BEGIN);
        int end = doc.indexOf(ConnectConfigReference.END);
        String committed =
                begin < 0 || end < begin ? "" : doc.substring(begin, end + ConnectConfigReference.END.length() + 1);
        if (Boolean.getBoolean("streamlake.regenerateDocs")) {
            String rest = committed.isEmpty() ? doc : doc.replace(committed, "");
            rest = rest.endsWith("\n\n") ? rest : rest + "\n";
            Files.writeString(DOC, rest + generated, StandardCharsets.UTF_8);
            committed = generated;
        }
        assertThat(committed)
                .as(
                        "%s has a stale or no streamlake-connect section; regenerate it with: mvn -pl streamlake-connect"
                                + " -am test -Dtest=ConnectConfigReferenceTest -Dstreamlake.regenerateDocs=true "
                                + "-Dsurefire.failIfNoSpecifiedTests=false",
                        DOC)
                .isEqualTo(generated);
    }

    @Test
    void givenTheSection_thenItDocumentsThePluginsKeysAndTheConverter() {
        assertThat(ConnectConfigReference.markdown())
                .contains("`dataset`", "`key.field`", "`input.path`", "`split.bytes`", "`poll.interval.ms`")
                .contains("ByteArrayConverter")
                .contains("`transport`");
    }
}
