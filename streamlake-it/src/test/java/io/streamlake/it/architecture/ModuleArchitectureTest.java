package io.streamlake.it.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every module's packages are free of cycles, and the modules depend on each other in one direction only. */
class ModuleArchitectureTest {

    private static final String ROOT = "io.streamlake";
    private static final String FIXTURE = "io.streamlake.archfixture.modules";

    /** Main classes only: no test classes, whether from a module's test-classes folder or its tests jar. */
    private static final ImportOption MAIN_ONLY =
            location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    && !location.contains("-tests.jar")
                    && !location.contains("-test-fixtures.jar");

    private static final JavaClasses MAIN =
            new ClassFileImporter().withImportOption(MAIN_ONLY).importPackages(ROOT);
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    @ParameterizedTest
    @ValueSource(
            strings = {"core", "schema", "contracts", "kafka", "runtime", "embedded", "test", "bench", "cli", "connect"
            })
    void givenAModule_thenItsPackagesAreFreeOfCycles(String module) {
        assertThat(MAIN.stream()
                        .anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + module + ".")
                                || c.getPackageName().equals(ROOT + "." + module)))
                .as("classes of %s", module)
                .isTrue();

        ModuleRules.packagesFreeOfCycles(ROOT + "." + module).check(MAIN);
    }

    @Test
    void givenTheModules_thenEachDependsOnlyOnTheOnesBelowIt() {
        ModuleRules.moduleLayering(ROOT).check(MAIN);
    }

    @Test
    void givenAFixtureWithAPackageCycle_thenTheCycleRuleFails() {
        assertThatThrownBy(() ->
                        ModuleRules.packagesFreeOfCycles(FIXTURE + ".cycle").check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle");
    }

    @Test
    void givenAFixtureWhereTheCoreReachesIntoTheRuntime_thenTheLayeringRuleFails() {
        assertThatThrownBy(() -> ModuleRules.moduleLayering(FIXTURE).check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("core");
    }

    @Test
    void givenTheFixtures_thenTheyHoldTheClassesTheRulesAreTriedOn() {
        assertThat(FIXTURES.stream().map(c -> c.getPackageName()).distinct().toList())
                .containsAll(
                        List.of(FIXTURE + ".core", FIXTURE + ".runtime", FIXTURE + ".cycle.a", FIXTURE + ".cycle.b"));
    }
}
