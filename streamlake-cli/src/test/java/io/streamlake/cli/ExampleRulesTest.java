package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example catalog of docs/data-contracts.md ({@code examples/catalog}: orders v2 with its rules) on the demo's
 * file: its rules compile, and the demo's events give the same published and dead-lettered counts with them as
 * without (every valid demo order passes them), while the summary shows what each rule did.
 */
class ExampleRulesTest {

    private static final Path EXAMPLES =
            Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRunner.Result produce(String... extra) {
        String[] base = {
            "produce",
            "--transport",
            "stdout",
            "--dataset",
            "orders",
            "--file",
            EXAMPLES.resolve("orders.jsonl").toString(),
            "--key-field",
            "order_id"
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return new CliRunner(dir).run(all);
    }

    @Test
    void givenTheExampleRules_thenTheDemoFileGivesTheSameCountsAndEachRuleIsReported() {
        assertThat(Files.isRegularFile(EXAMPLES.resolve("catalog/orders/v2.rules.json")))
                .isTrue();

        CliRunner.Result plain = produce();
        CliRunner.Result ruled = produce("--set", "schema.catalog.dir=" + EXAMPLES.resolve("catalog"));

        assertThat(ruled.code()).as(ruled.err()).isZero();
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(line(ruled.err(), "published:")).isEqualTo(line(plain.err(), "published:"));
        assertThat(line(ruled.err(), "dead-lettered:")).isEqualTo(line(plain.err(), "dead-lettered:"));
        assertThat(ruled.err())
                .doesNotContain("dead-lettered:     0")
                .containsPattern("known-currency +5 tolerated \\(published\\)");
        assertThat(ruled.out()).doesNotContain("\"dlq_rule\"");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(none)");
    }
}
