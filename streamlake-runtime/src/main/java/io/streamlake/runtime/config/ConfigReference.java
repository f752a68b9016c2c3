package io.streamlake.runtime.config;

import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Generates {@code docs/configuration.md} from the key declarations, so the reference never drifts from the
 * code. {@code streamlake config --reference} prints it; a test fails when the committed file differs.
 */
public final class ConfigReference {

    private ConfigReference() {}

    /** The reference of the built-in sections (core, schema, Kafka). */
    public static String markdown() {
        return markdown(ConfigSections.builtIn());
    }

    public static String markdown(List<ConfigSection> sections) {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append(
                        "<!-- Generated from the ConfigDef declarations by io.streamlake.runtime.config.ConfigReference; "
                                + "do not edit. Regenerate with `./streamlake config --reference > docs/configuration.md` or "
                                + "`mvn -pl streamlake-runtime -am test -Dtest=ConfigReferenceTest -Dstreamlake.regenerateDocs=true "
                                + "-Dsurefire.failIfNoSpecifiedTests=false`. -->\n\n")
                .append("Every setting is declared once, with its type, default, validator and documentation. Values ")
                .append("come from, later winning:\n\n")
                .append("1. the defaults below;\n")
                .append("2. a properties file: `--config FILE`, or `./streamlake.properties` when it exists;\n")
                .append(
                        "3. environment variables: `STREAMLAKE_<KEY>` (upper-case, dots and dashes as underscores, e.g. ")
                .append("`STREAMLAKE_TOPIC_PREFIX`), plus `KAFKA_BOOTSTRAP_SERVERS` and `SCHEMA_REGISTRY_URL`, and ")
                .append("`STREAMLAKE_KAFKA_<NAME>` for `kafka.<name>` (underscores as dots);\n")
                .append(
                        "4. flags: `--bootstrap-servers`, `--schema-registry-url`, `--serialization`, `--topic-prefix`, ")
                .append("`--transport`, and `--set KEY=VALUE` for any key.\n\n")
                .append("An unknown key (not below, not starting with `kafka.`) or an invalid value stops the command ")
                .append(
                        "with exit code 2 and a message naming the key. Keys starting with `kafka.` go to kafka-clients ")
                .append(
                        "unchanged, prefix stripped (SASL, TLS, …). Secrets (password-typed keys, and any key whose name ")
                .append("contains password, secret, token, jaas, user.info or credentials) are never printed: ")
                .append("`streamlake config` shows them as `[hidden]`.\n");
        for (ConfigSection section : sections) {
            out.append("\n## ")
                    .append(section.title())
                    .append("\n\n")
                    .append("| Key | Type | Default | Valid values | Importance | Environment | Description |\n")
                    .append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (ConfigDef.ConfigKey key : section.definition().configKeys().values()) {
                String alias = EnvMapping.aliasFor(key.name);
                String env = "`" + EnvMapping.variableFor(key.name) + "`" + (alias == null ? "" : ", `" + alias + "`");
                out.append("| `")
                        .append(key.name)
                        .append("` | ")
                        .append(key.type.name().toLowerCase(Locale.ROOT))
                        .append(" | ")
                        .append(cell(defaultText(key)))
                        .append(" | ")
                        .append(cell(key.validator == null ? "" : key.validator.toString()))
                        .append(" | ")
                        .append(key.importance.name().toLowerCase(Locale.ROOT))
                        .append(" | ")
                        .append(env)
                        .append(" | ")
                        .append(cell(key.documentation))
                        .append(" |\n");
            }
            section.passthroughPrefix()
                    .ifPresent(prefix -> out.append("\nAny key starting with `")
                            .append(prefix)
                            .append("` is passed to kafka-clients with the prefix removed.\n"));
        }
        return out.toString();
    }

    /**
     * A key's default as the reference shows it: {@code (required)}, {@code (none)}, {@code ""} or the value in code
     * quotes. Public so that other generated tables of {@link ConfigDef} keys (the Connect plugin's) read the same.
     */
    public static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.defaultValue == null) {
            return "(none)";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    /** {@code text} as one Markdown table cell: pipes escaped, newlines as spaces, null as empty. */
    public static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
