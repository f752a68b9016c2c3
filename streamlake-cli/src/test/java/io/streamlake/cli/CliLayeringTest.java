package io.streamlake.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command line only parses, wires and prints: the wiring (usable without the CLI) knows nothing of picocli or
 * the commands, and no command reaches past the ports into an adapter's internals.
 */
class CliLayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.streamlake.cli", "io.streamlake.runtime");

    @Test
    void givenTheWiring_thenItDependsOnNeitherPicocliNorTheCommands() {
        noClasses()
                .that()
                .resideInAPackage("io.streamlake.runtime..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "io.streamlake.cli..")
                .check(CLASSES);
    }

    @Test
    void givenTheCommands_thenTheyNeverCreateTheCoreServicesThemselves() {
        noClasses()
                .that()
                .resideInAPackage("io.streamlake.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.streamlake.core.service..", "io.streamlake.core.testing..")
                .check(CLASSES);
    }

    @Test
    void givenTheCommands_thenTheyDoNotTalkToKafkaClientsDirectly() {
        noClasses()
                .that()
                .resideInAPackage("io.streamlake.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka.clients.producer..", "org.apache.kafka.clients.admin..")
                .check(CLASSES);
    }
}
