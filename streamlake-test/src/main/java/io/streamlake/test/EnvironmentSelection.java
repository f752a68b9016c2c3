package io.streamlake.test;

import java.util.Locale;
import java.util.Map;

/**
 * Which Kafka cluster and which Schema Registry the tests of a JVM use, as a pure function of the system
 * properties and the environment. Embedded is the default; anything else must be asked for explicitly:
 *
 * <ul>
 *   <li>Kafka: system property {@value #BOOTSTRAP_PROPERTY} (else environment variable {@value #BOOTSTRAP_ENV})
 *       → that external cluster; else {@value #KAFKA_PROPERTY} = {@code embedded} (the default) or the name of a
 *       {@link io.streamlake.test.spi.KafkaProvider}, e.g. {@code testcontainers}.</li>
 *   <li>Registry: {@value #REGISTRY_PROPERTY} (else {@value #REGISTRY_ENV}) → that external registry's
 *       Confluent-compatible base URL; else an embedded Apicurio Registry.</li>
 * </ul>
 *
 * <p>{@code KAFKA_BOOTSTRAP_SERVERS} and {@code SCHEMA_REGISTRY_URL}, which StreamLake itself reads and
 * {@code streamlake dev} asks users to export, never change what the tests use: a developer's shell pointed at
 * a dev cluster does not send the test suite there.
 */
public final class EnvironmentSelection {

    public static final String BOOTSTRAP_PROPERTY = "streamlake.it.bootstrap.servers";
    public static final String BOOTSTRAP_ENV = "STREAMLAKE_IT_BOOTSTRAP_SERVERS";
    public static final String REGISTRY_PROPERTY = "streamlake.it.schema.registry.url";
    public static final String REGISTRY_ENV = "STREAMLAKE_IT_SCHEMA_REGISTRY_URL";
    public static final String KAFKA_PROPERTY = "streamlake.it.kafka";
    public static final String EMBEDDED = "embedded";

    private EnvironmentSelection() {}

    /** Where the shared Kafka cluster comes from. */
    public sealed interface KafkaChoice {}

    /** An in-process KRaft broker ({@code io.streamlake.embedded.EmbeddedKafkaCluster}). */
    public record EmbeddedKafka() implements KafkaChoice {}

    /** A running cluster the tests do not manage; {@code source} names the property or variable it came from. */
    public record ExternalKafka(String bootstrapServers, String source) implements KafkaChoice {}

    /** A cluster started by the {@link io.streamlake.test.spi.KafkaProvider} with this name. */
    public record ProvidedKafka(String name) implements KafkaChoice {}

    /** Where the shared Schema Registry comes from. */
    public sealed interface RegistryChoice {}

    /** An Apicurio Registry child process ({@code io.streamlake.embedded.EmbeddedSchemaRegistry}). */
    public record EmbeddedRegistry() implements RegistryChoice {}

    /** A running registry, by its Confluent-compatible base URL without a trailing slash. */
    public record ExternalRegistry(String url, String source) implements RegistryChoice {}

    /**
     * @param properties the system properties ({@code System.getProperties()} as a map)
     * @param env        the environment ({@code System.getenv()})
     * @throws IllegalArgumentException when both an external cluster and {@value #KAFKA_PROPERTY} other than
     *                                  {@code embedded} are asked for
     */
    public static KafkaChoice kafka(Map<String, String> properties, Map<String, String> env) {
        String mode = properties.getOrDefault(KAFKA_PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        String fromProperty = nonBlank(properties.get(BOOTSTRAP_PROPERTY));
        String external = fromProperty != null ? fromProperty : nonBlank(env.get(BOOTSTRAP_ENV));
        if (external != null) {
            if (!mode.isEmpty() && !mode.equals(EMBEDDED)) {
                throw new IllegalArgumentException("both an external Kafka cluster (" + BOOTSTRAP_PROPERTY + " or "
                        + BOOTSTRAP_ENV + ") and " + KAFKA_PROPERTY + "=" + mode + " were given; choose one");
            }
            return new ExternalKafka(external, fromProperty != null ? "-D" + BOOTSTRAP_PROPERTY : BOOTSTRAP_ENV);
        }
        return mode.isEmpty() || mode.equals(EMBEDDED) ? new EmbeddedKafka() : new ProvidedKafka(mode);
    }

    /** @see #kafka */
    public static RegistryChoice registry(Map<String, String> properties, Map<String, String> env) {
        String fromProperty = nonBlank(properties.get(REGISTRY_PROPERTY));
        String external = fromProperty != null ? fromProperty : nonBlank(env.get(REGISTRY_ENV));
        if (external == null) {
            return new EmbeddedRegistry();
        }
        String url = external.endsWith("/") ? external.substring(0, external.length() - 1) : external;
        return new ExternalRegistry(url, fromProperty != null ? "-D" + REGISTRY_PROPERTY : REGISTRY_ENV);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
