package io.streamlake.it.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules between StreamLake's modules, parameterised by the root package so that they run both against the
 * real modules ({@code io.streamlake}) and against a fixture that breaks them. Each module's classes live under
 * one root package: core {@code .core}, schema {@code .schema}, data contracts {@code .contracts}, Kafka adapter
 * {@code .kafka}, runtime
 * {@code .runtime}, embedded broker and registry {@code .embedded}, testkit {@code .test}, benchmarks
 * {@code .bench}, command line {@code .cli}, Kafka Connect plugin {@code .connect}.
 */
final class ModuleRules {

    private ModuleRules() {}

    /** Within one module, no package depends on another that depends back on it (a one-package module has none). */
    static ArchRule packagesFreeOfCycles(String moduleRoot) {
        return slices().matching(moduleRoot + ".(**)")
                .should()
                .beFreeOfCycles()
                .because("a package cycle makes a module's layers impossible to read or split")
                .allowEmptyShould(true);
    }

    /**
     * core ← schema ← Kafka adapter ← runtime ← testkit, benchmarks, command line, Connect plugin, with the data
     * contracts beside the Kafka adapter (core ← schema ← contracts ← runtime); the embedded broker and registry stand
     * apart and serve only the testkit, the benchmarks and the command line; nothing depends on the Connect plugin.
     */
    static ArchRule moduleLayering(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("core")
                .definedBy(root + ".core..")
                .layer("schema")
                .definedBy(root + ".schema..")
                .optionalLayer("contracts")
                .definedBy(root + ".contracts..")
                .layer("kafka")
                .definedBy(root + ".kafka..")
                .layer("runtime")
                .definedBy(root + ".runtime..")
                .layer("embedded")
                .definedBy(root + ".embedded..")
                .optionalLayer("test")
                .definedBy(root + ".test..")
                .optionalLayer("bench")
                .definedBy(root + ".bench..")
                .optionalLayer("cli")
                .definedBy(root + ".cli..")
                .optionalLayer("connect")
                .definedBy(root + ".connect..")
                .whereLayer("core")
                .mayNotAccessAnyLayer()
                .whereLayer("schema")
                .mayOnlyAccessLayers("core")
                .whereLayer("contracts")
                .mayOnlyAccessLayers("core", "schema")
                .whereLayer("kafka")
                .mayOnlyAccessLayers("core", "schema")
                .whereLayer("runtime")
                .mayOnlyAccessLayers("core", "schema", "contracts", "kafka")
                .whereLayer("embedded")
                .mayNotAccessAnyLayer()
                .whereLayer("test")
                .mayOnlyAccessLayers("core", "schema", "contracts", "kafka", "runtime", "embedded")
                .whereLayer("bench")
                .mayOnlyAccessLayers("core", "schema", "contracts", "kafka", "runtime", "embedded")
                .whereLayer("cli")
                .mayOnlyAccessLayers("core", "schema", "contracts", "kafka", "runtime", "embedded", "bench")
                .whereLayer("connect")
                .mayOnlyAccessLayers("core", "schema", "contracts", "kafka", "runtime")
                .because("a library module never reaches up into the modules built on it");
    }
}
