package io.streamlake.schema.registry.compat;

import java.util.List;
import java.util.Optional;

/**
 * What {@link SchemaPreflight#check} found for one catalog version, without changing the registry.
 *
 * @param label        the catalog version, e.g. {@code orders v2}
 * @param subject      the registry subject
 * @param registeredId the id when this exact schema is already registered under the subject
 * @param compatible   whether it is registered or could be registered now
 * @param messages     the registry's reasons when not compatible
 */
public record EvolutionCheck(
        String label, String subject, Optional<Integer> registeredId, boolean compatible, List<String> messages) {

    public EvolutionCheck {
        messages = List.copyOf(messages);
    }

    /** One line for people, e.g. {@code orders v3 -> subject streamlake.orders.raw-value: INCOMPATIBLE: …}. */
    public String summary() {
        String state = registeredId
                .map(id -> "registered as id " + id)
                .orElse(compatible ? "compatible, not yet registered" : "INCOMPATIBLE: " + String.join("; ", messages));
        return label + " -> subject " + subject + ": " + state;
    }
}
