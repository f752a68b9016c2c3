package io.streamlake.schema.registry.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.schema.catalog.CatalogEntry;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryException;
import java.util.Objects;
import java.util.Optional;

/**
 * What registering one catalog version with its rules file as the schema's {@code ruleSet} gave
 * ({@code schema.registry.rules=register}), found by reading the version back: the registry kept the rule set,
 * dropped it (registered the schema without it: Apicurio's Confluent API does), or refused the request (the schema is
 * then registered without it). The catalog stays the source of the rules either way.
 *
 * @param id       the schema id the subject's version has
 * @param ruleSet  what the registry did with the rule set
 * @param registry the registry, by name, for messages: {@code Apicurio Registry (http://…)}, {@code the mock registry
 *                 mock://…} or its URL
 * @param detail   the registry's refusal, when it refused
 */
public record RuleSetRegistration(int id, Outcome ruleSet, String registry, Optional<String> detail) {

    /** What the registry did with the rule set. */
    public enum Outcome {
        /** It holds the rule set with the version, as sent. */
        KEPT,
        /** It registered the schema and holds no rule set (or another one) for the version. */
        DROPPED,
        /** It refused the schema with a rule set; the schema was registered without one. */
        REFUSED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public RuleSetRegistration {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Registers {@code entry} under {@code subject} with its rules file as {@code ruleSet}, then reads the version back.
     *
     * @throws IllegalArgumentException when the entry has no rules file
     * @throws SchemaRegistryException when the registry refuses the schema itself (e.g. incompatible), with or without
     *         the rule set
     * @throws io.streamlake.schema.registry.SchemaRegistryUnavailableException when it cannot be reached
     */
    public static RuleSetRegistration register(SchemaRegistryClient registry, String subject, CatalogEntry entry) {
        String ruleSet = entry.rules()
                .orElseThrow(() -> new IllegalArgumentException(entry.label() + " has no rules file"))
                .json();
        String name = name(registry.url());
        int id;
        try {
            id = registry.register(subject, entry.schema(), ruleSet);
        } catch (SchemaRegistryException e) {
            if (e.status() == 409 || e.status() == 401 || e.status() == 403) {
                throw e;
            }
            int plain = registry.register(subject, entry.schema());
            return new RuleSetRegistration(plain, Outcome.REFUSED, name, Optional.of(e.getMessage()));
        }
        int version = registry.lookup(subject, entry.schema())
                .filter(r -> r.id() == id)
                .map(r -> r.version())
                .orElseGet(() -> registry.latest(subject).map(r -> r.version()).orElse(0));
        Optional<String> held = version == 0 ? Optional.empty() : registry.ruleSet(subject, version);
        boolean kept = held.isPresent() && sameJson(held.get(), ruleSet);
        return new RuleSetRegistration(id, kept ? Outcome.KEPT : Outcome.DROPPED, name, Optional.empty());
    }

    /** One line for people: {@code ruleSet kept by …} or why not. */
    public String summary() {
        return switch (ruleSet) {
            case KEPT -> "ruleSet kept by " + registry;
            case DROPPED ->
                "ruleSet NOT kept: " + registry + " registered the schema without it (the catalog's rules"
                        + " still run)";
            case REFUSED ->
                "ruleSet NOT kept: " + registry + " refused it (" + detail.orElse("") + "); the schema was"
                        + " registered without it (the catalog's rules still run)";
        };
    }

    /** A registry's name for messages, from its URL. */
    static String name(String url) {
        if (url.startsWith("mock://")) {
            return "the mock registry " + url;
        }
        if (url.contains("/apis/ccompat/")) {
            return "Apicurio Registry (" + url + ")";
        }
        return "the registry at " + url;
    }

    private static boolean sameJson(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }
}
