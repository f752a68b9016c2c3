package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandBasicsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "produce",
                "consume",
                "dlq",
                "dlq show",
                "dlq replay",
                "schema",
                "schema list",
                "schema register",
                "schema check",
                "topics",
                "topics create",
                "config",
                "dev",
                "demo",
                "completion"
            })
    void givenHelp_thenEveryCommandPrintsUsageAndExitsZero(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        CliRunner.Result result = new CliRunner(dir).run(args.toArray(String[]::new));

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: streamlake" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void givenVersion_thenTheBuildVersionIsPrinted() {
        CliRunner.Result result = new CliRunner(dir).run("--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("streamlake " + VersionProvider.version());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void givenCompletion_thenABashCompletionScriptForEveryCommandIsPrinted() {
        CliRunner.Result result = new CliRunner(dir).run("completion");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("complete -F")
                .contains("_picocli_streamlake")
                .contains("produce")
                .contains("consume")
                .contains("--bootstrap-servers")
                .contains("--key-field");
    }

    @Test
    void givenTopLevelHelp_thenEverySubcommandIsListedInOrder() {
        CliRunner.Result result = new CliRunner(dir).run("--help");

        String commands = result.out().substring(result.out().indexOf("Commands:"));
        assertThat(commands)
                .containsSubsequence(
                        "produce",
                        "consume",
                        "dlq",
                        "schema",
                        "topics",
                        "config",
                        "dev",
                        "demo",
                        "connect",
                        "bench",
                        "completion");
    }

    @Test
    void givenACommandFirst_thenOnlyItsModelIsBuilt_otherwiseEveryCommands() {
        assertThat(StreamLakeCli.subcommandsFor("produce", "--dataset", "orders"))
                .containsExactly(io.streamlake.cli.command.ProduceCommand.class);
        assertThat(StreamLakeCli.subcommandsFor("dlq", "show"))
                .containsExactly(io.streamlake.cli.command.DlqCommand.class);
        assertThat(StreamLakeCli.subcommandsFor()).isEqualTo(StreamLakeCli.SUBCOMMANDS);
        assertThat(StreamLakeCli.subcommandsFor("--config", "x.properties", "produce"))
                .isEqualTo(StreamLakeCli.SUBCOMMANDS);
        assertThat(StreamLakeCli.subcommandsFor("completion")).isEqualTo(StreamLakeCli.SUBCOMMANDS);
        assertThat(StreamLakeCli.subcommandsFor("prodcue")).isEqualTo(StreamLakeCli.SUBCOMMANDS);
    }

    @Test
    void givenAMistypedCommand_thenTheUsageErrorSuggestsTheRealOne() {
        CliRunner.Result result = new CliRunner(dir).run("prodcue");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("prodcue").contains("produce");
    }

    @Test
    void givenNoCommand_thenUsageOnStderrAndExitTwo() {
        CliRunner.Result result = new CliRunner(dir).run();

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: streamlake");
    }

    @Test
    void givenAGroupWithoutSubcommand_thenExitTwo() {
        CliRunner.Result result = new CliRunner(dir).run("dlq");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("show or replay");
    }
}
