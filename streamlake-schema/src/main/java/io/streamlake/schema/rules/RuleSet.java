package io.streamlake.schema.rules;

import java.util.List;
import java.util.Objects;

/**
 * The rules file of one schema version, {@code <dataset>/v<N>.rules.json}: Confluent's {@code ruleSet} shape.
 * StreamLake runs the {@code domainRules}; {@code migrationRules} and {@code encodingRules} are kept only so that a
 * compile step can refuse them by name.
 *
 * @param source         the file (or classpath resource) it was read from, for messages
 * @param domainRules    the domain rules, in file order (the order they run in)
 * @param migrationRules the migration rules (StreamLake does not run them)
 * @param encodingRules  the encoding rules (StreamLake does not run them)
 * @param json           the file's {@code ruleSet} object as compact JSON, what {@code schema register} sends
 */
public record RuleSet(
        String source,
        List<RuleSpec> domainRules,
        List<RuleSpec> migrationRules,
        List<RuleSpec> encodingRules,
        String json) {

    public RuleSet {
        Objects.requireNonNull(source, "source");
        domainRules = List.copyOf(domainRules);
        migrationRules = List.copyOf(migrationRules);
        encodingRules = List.copyOf(encodingRules);
        Objects.requireNonNull(json, "json");
    }
}
