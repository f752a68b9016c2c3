package io.streamlake.contracts;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.InvalidRulesException;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.out.PayloadRules;
import io.streamlake.schema.catalog.CatalogEntry;
import io.streamlake.schema.catalog.SchemaCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data-contract rules of every catalog version, compiled with CEL once, when this is created: the core's
 * {@link PayloadRules} port. Conditions see the event as {@code message}, typed by its schema version; transforms of
 * tagged fields run before serialization. See {@code docs/data-contracts.md}. Immutable and thread-safe.
 */
public final class ContractRules implements PayloadRules {

    private final Map<DatasetName, Map<SchemaVersion, VersionRules>> rules;

    private ContractRules(Map<DatasetName, Map<SchemaVersion, VersionRules>> rules) {
        this.rules = rules;
    }

    /**
     * Compiles the rules of every version in {@code catalog}.
     *
     * @throws InvalidRulesException naming each file, rule and position that does not compile (a configuration
     *         error: exit 2)
     */
    public static ContractRules compile(SchemaCatalog catalog) {
        Map<DatasetName, Map<SchemaVersion, VersionRules>> compiled = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (DatasetName dataset : catalog.datasets()) {
            for (SchemaVersion version : catalog.versions(dataset)) {
                CatalogEntry entry = catalog.require(dataset, Optional.of(version));
                RuleCompiler.Compilation c = new RuleCompiler(entry).compile();
                problems.addAll(c.problems());
                if (!c.rules().isEmpty()) {
                    compiled.computeIfAbsent(dataset, d -> new HashMap<>())
                            .put(version, new VersionRules(entry.schema(), c.rules()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException((problems.size() == 1
                            ? "a data-contract rule does not compile: "
                            : "data-contract rules do not compile: ")
                    + String.join("; ", problems));
        }
        return new ContractRules(Map.copyOf(compiled));
    }

    /** Compiles one version's rules and says, for each, whether it compiled; never throws for a bad rule. */
    public static List<RuleCheck> check(CatalogEntry entry) {
        return new RuleCompiler(entry).compile().checks();
    }

    /** Whether no version has a rule that runs. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    @Override
    public RuleOutcome apply(DatasetName dataset, SchemaVersion version, Payload payload) {
        Map<SchemaVersion, VersionRules> versions = rules.get(dataset);
        VersionRules own = versions == null ? null : versions.get(version);
        return own == null ? new RuleOutcome.Passed(payload, List.of()) : own.apply(payload);
    }
}
