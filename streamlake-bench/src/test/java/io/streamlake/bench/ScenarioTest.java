package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void givenScenarios_thenTheirNamesAreTheFlagValuesInDeclarationOrder() {
        assertThat(Scenario.names())
                .isEqualTo("raw,json,avro,flush-per-event,cli-file,cli-file-exactly-once,cli-file-avro,connect-file");
        assertThat(Scenario.FLUSH_PER_EVENT.scenarioName()).isEqualTo("flush-per-event");
        assertThat(Scenario.CLI_FILE).hasToString("cli-file");
    }

    @Test
    void givenCommaSeparatedNames_thenEachIsParsedIgnoringCaseAndBlanks() {
        assertThat(Scenario.parseList("raw,json")).isEqualTo(EnumSet.of(Scenario.RAW, Scenario.JSON));
        assertThat(Scenario.parseList(" Flush-Per-Event , cli-file,"))
                .isEqualTo(EnumSet.of(Scenario.FLUSH_PER_EVENT, Scenario.CLI_FILE));
    }

    @Test
    void givenALetterOrAnEnumConstantName_thenRefusedNamingTheValidNames() {
        for (String old : new String[] {"A", "e", "FLUSH_PER_EVENT"}) {
            assertThatThrownBy(() -> Scenario.parseList(old))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "unknown scenario '" + old
                                    + "': expected some of raw,json,avro,flush-per-event,cli-file,cli-file-exactly-once,cli-file-avro,connect-file");
        }
    }

    @Test
    void givenNoName_thenRefused() {
        assertThatThrownBy(() -> Scenario.parseList(" ,"))
                .hasMessageContaining("no scenario given")
                .hasMessageContaining("raw,json");
    }
}
