package io.streamlake.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoreArchitectureTest {

    private static final String CORE = "io.streamlake.core";
    private static final String FIXTURE = "io.streamlake.archfixture";

    /** Core's main classes and its test fixtures (the in-memory ports), without the tests themselves. */
    private static final ImportOption MAIN_AND_TEST_FIXTURES =
            location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    || location.contains("/io/streamlake/core/testing/");

    private static final JavaClasses CORE_CLASSES =
            new ClassFileImporter().withImportOption(MAIN_AND_TEST_FIXTURES).importPackages(CORE);
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    static List<Function<String, ArchRule>> rules() {
        return List.of(
                HexagonRules::dependsOnlyOnJdkAndItself,
                HexagonRules::importsNoTransportOrFrameworkLibrary,
                HexagonRules::inboundPortsDoNotDependOnOutboundPortsOrServices,
                HexagonRules::outboundPortsDoNotDependOnInboundPortsOrServices,
                HexagonRules::domainDependsOnNothingOutward,
                HexagonRules::productionCodeDoesNotUseTestingPorts);
    }

    @Test
    void givenCoreClasses_thenThereAreEnoughToMakeTheRulesMeaningful() {
        assertThat(CORE_CLASSES.stream().map(c -> c.getPackageName()).distinct())
                .contains(
                        CORE + ".domain", CORE + ".port.in", CORE + ".port.out", CORE + ".service", CORE + ".testing");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void givenCore_thenRuleHolds(Function<String, ArchRule> rule) {
        rule.apply(CORE).check(CORE_CLASSES);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void givenFixtureThatBreaksTheRule_thenRuleFails(Function<String, ArchRule> rule) {
        assertThatThrownBy(() -> rule.apply(FIXTURE).check(FIXTURE_CLASSES)).isInstanceOf(AssertionError.class);
    }
}
