package io.streamlake.connect;

import io.streamlake.runtime.config.ConfigReference;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The Kafka Connect section of {@code docs/configuration.md}, generated from the plugin's {@link ConfigDef}
 * declarations and kept between {@link #BEGIN} and {@link #END} (a test fails when the committed section is stale).
 */
public final class ConnectConfigReference {

    /** The line that opens the generated section. */
    public static final String BEGIN =
            "<!-- BEGIN streamlake-connect: generated from its ConfigDef by io.streamlake.connect.ConnectConfigReference; "
                    + "regenerate with `mvn -pl streamlake-connect -am test -Dtest=ConnectConfigReferenceTest "
                    + "-Dstreamlake.regenerateDocs=true -Dsurefire.failIfNoSpecifiedTests=false` -->";

    /** The line that closes it. */
    public static final String END = "<!-- END streamlake-connect -->";

    private ConnectConfigReference() {}

    /** The section, from {@link #BEGIN} to {@link #END}, each on a line of its own. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append("\n\n");
        out.append("## Kafka Connect plugin (streamlake-connect)\n\n");
        out.append(
                        "`io.streamlake.connect.StreamLakeFileSourceConnector` and `io.streamlake.connect.StreamLakeTransform` ")
                .append(
                        "(keys of a transform named `x` go under `transforms.x.`) take the keys below, and the keys of ")
                .append("the Core and Schemas sections with the same names and meaning (not `")
                .append(String.join("`, `", sorted(notForConnect())))
                .append("`), and `headers.style`. Connect validates them all ")
                .append("(`PUT /connector-plugins/{name}/config/validate` reports bad values by key). ")
                .append("Use `org.apache.kafka.connect.converters.ByteArrayConverter` as the key, value and header ")
                .append("converter (see docs/connect.md).\n\n");
        out.append("| Key | Type | Default | Valid values | Importance | Used by | Description |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        Set<String> shared = StreamLakeConnectConfig.recordKeys().names();
        ConfigDef source = FileSourceConfig.sourceKeys(StreamLakeConnectConfig.recordKeys());
        for (ConfigDef.ConfigKey key : source.configKeys().values()) {
            out.append("| `")
                    .append(key.name)
                    .append("` | ")
                    .append(key.type.name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(ConfigReference.cell(ConfigReference.defaultText(key)))
                    .append(" | ")
                    .append(ConfigReference.cell(key.validator == null ? "" : key.validator.toString()))
                    .append(" | ")
                    .append(key.importance.name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(shared.contains(key.name) ? "connector, transform" : "connector")
                    .append(" | ")
                    .append(ConfigReference.cell(key.documentation))
                    .append(" |\n");
        }
        out.append("\n").append(END).append("\n");
        return out.toString();
    }

    private static Set<String> notForConnect() {
        Set<String> names = new java.util.TreeSet<>(
                io.streamlake.runtime.config.ConfigSections.core().definition().names());
        names.addAll(io.streamlake.runtime.config.ConfigSections.schema()
                .definition()
                .names());
        names.removeAll(StreamLakeConnectConfig.runtimeKeyNames());
        return names;
    }

    private static java.util.List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
