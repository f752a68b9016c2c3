package io.streamlake.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep the hexagon honest, parameterised by the root package so they can be run both
 * against the core and against a fixture that breaks them.
 */
final class HexagonRules {

    private HexagonRules() {}

    static ArchRule dependsOnlyOnJdkAndItself(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + "..", "org.slf4j..")
                .because("the core is plain Java: transports and codecs plug in at the edge");
    }

    static ArchRule importsNoTransportOrFrameworkLibrary(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka..",
                        "org.apache.avro..",
                        "com.fasterxml.jackson..",
                        "com.google.inject..",
                        "picocli..",
                        "javax.inject..",
                        "jakarta.inject..");
    }

    static ArchRule inboundPortsDoNotDependOnOutboundPortsOrServices(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".port.in..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".port.out..", root + ".service..");
    }

    static ArchRule outboundPortsDoNotDependOnInboundPortsOrServices(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".port.out..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".port.in..", root + ".service..");
    }

    static ArchRule domainDependsOnNothingOutward(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".port..", root + ".service..", root + ".testing..");
    }

    static ArchRule productionCodeDoesNotUseTestingPorts(String root) {
        return noClasses()
                .that()
                .resideInAnyPackage(root + ".service..", root + ".port..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".testing..");
    }
}
