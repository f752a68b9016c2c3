package io.streamlake.schema.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API (also served by Apicurio's {@code /apis/ccompat/v7},
 * Karapace and Redpanda). Implementations are thread-safe. Schemas are sent as their compact JSON text
 * ({@link Schema#toString()}), which keeps defaults and docs.
 *
 * <p>Failures: {@link SchemaRegistryUnavailableException} (retriable) when the registry cannot be reached
 * or answers 5xx after the configured retries; {@link SchemaRegistryException} (fatal) for any other refusal
 * — 401/403 (credentials), 409 (incompatible schema), 422 (invalid schema) — carrying the HTTP status, the
 * registry's {@code error_code} and message, and the registry URL (never credentials).
 */
public interface SchemaRegistryClient {

    /** Where this client talks to, e.g. {@code http://host:8081} or {@code mock://tests}. */
    String url();

    /**
     * Registers {@code schema} under {@code subject} (a new version unless it is already registered there)
     * and returns its global id. The registry checks compatibility first: an incompatible schema is a
     * {@link SchemaRegistryException} with status 409.
     */
    int register(String subject, Schema schema);

    /**
     * Registers {@code schema} under {@code subject} with a data-contract {@code ruleSet}, as Confluent's registration
     * request carries it ({@code {"schema": …, "ruleSet": {…}}}), and returns its global id. A registry that keeps
     * rule sets makes a new version when the rule set differs from the registered one's. A registry that does not
     * know {@code ruleSet} may refuse the request ({@link SchemaRegistryException}) or register the schema without it:
     * {@link #ruleSet} tells which.
     *
     * @param ruleSetJson the {@code ruleSet} object, as JSON text
     */
    int register(String subject, Schema schema, String ruleSetJson);

    /**
     * The {@code ruleSet} the registry holds for {@code version} of {@code subject}, as compact JSON text; empty when it
     * holds none, or the version is unknown.
     */
    Optional<String> ruleSet(String subject, int version);

    /** The registration of exactly this schema under the subject, or empty when it is not registered there. */
    Optional<RegisteredSchema> lookup(String subject, Schema schema);

    /**
     * The schema with this global id.
     *
     * @throws SchemaRegistryException with status 404 when the id is unknown
     */
    Schema schemaById(int id);

    /** The subject's latest version, or empty when the subject has none. */
    Optional<RegisteredSchema> latest(String subject);

    /** Every subject, in the registry's order. */
    List<String> subjects();

    /** The subject's version numbers, ascending; empty when the subject is unknown. */
    List<Integer> versions(String subject);

    /**
     * Whether {@code schema} could be registered under {@code subject} now, checked against the latest version
     * under the subject's compatibility level, with the registry's reasons when not. A subject without
     * versions accepts anything.
     */
    CompatibilityResult checkCompatibility(String subject, Schema schema);

    /** The level set on this subject, or empty when it follows the global level. */
    Optional<CompatibilityLevel> subjectCompatibility(String subject);

    /** Sets the subject's compatibility level. */
    void setSubjectCompatibility(String subject, CompatibilityLevel level);

    /** The registry-wide default compatibility level. */
    CompatibilityLevel globalCompatibility();

    /** Sets the registry-wide default compatibility level ({@code PUT /config}); affects every subject without its own. */
    void setGlobalCompatibility(CompatibilityLevel level);
}
