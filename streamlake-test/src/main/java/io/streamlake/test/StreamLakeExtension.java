package io.streamlake.test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests one Kafka cluster and one Schema Registry per test JVM, started on first
 * use and stopped after the JVM's last test (they live in the root {@link ExtensionContext.Store}, which JUnit
 * closes at the end of the run). Use it through {@link StreamLakeTest}.
 *
 * <p>It resolves parameters of type {@link StreamLakeEnvironment} (a new handle, with its own topic prefix,
 * for each parameter), {@link KafkaEndpoint} and {@link RegistryEndpoint}. The registry starts only when a test
 * asks for it ({@link RegistryEndpoint} parameter, {@link StreamLakeEnvironment#registry()}, or an Avro value
 * to decode): tests that need Kafka only never wait for the registry.
 *
 * <p><b>Which broker and registry</b> ({@link EnvironmentSelection}): an embedded KRaft broker
 * ({@code io.streamlake.embedded.EmbeddedKafkaCluster}, in this JVM, free ports) and an embedded Apicurio
 * Registry (a child JVM, free ports) by default; a running cluster with
 * {@code -Dstreamlake.it.bootstrap.servers=host:port} (or {@code STREAMLAKE_IT_BOOTSTRAP_SERVERS}); a running
 * registry with {@code -Dstreamlake.it.schema.registry.url=…} (or {@code STREAMLAKE_IT_SCHEMA_REGISTRY_URL});
 * another source with {@code -Dstreamlake.it.kafka=<name>} of a {@link io.streamlake.test.spi.KafkaProvider}
 * (e.g. {@code testcontainers}, which the testkit itself does not depend on). {@code KAFKA_BOOTSTRAP_SERVERS}
 * and {@code SCHEMA_REGISTRY_URL} are ignored.
 *
 * <p><b>Files</b>: the broker's data goes under {@code <work dir>/kafka} (deleted when it stops), the
 * registry's log under {@code <work dir>/apicurio}; the work dir is system property
 * {@value #WORKDIR_PROPERTY}, else {@code target} of the working directory (the module's under Maven).
 *
 * <p>Failures: a broker or registry that does not start fails the test that asked for it with
 * {@link io.streamlake.embedded.EmbeddedStartupException} naming what did not start and where its log is.
 */
public final class StreamLakeExtension implements ParameterResolver {

    /** System property with the directory for the embedded broker's data and the registry's log. */
    public static final String WORKDIR_PROPERTY = "streamlake.it.workdir";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StreamLakeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StreamLakeEnvironment.class || type == KafkaEndpoint.class || type == RegistryEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == StreamLakeEnvironment.class) {
            return environment(context);
        }
        if (type == KafkaEndpoint.class) {
            return kafka(context);
        }
        if (type == RegistryEndpoint.class) {
            return registry(context);
        }
        throw new ParameterResolutionException("unsupported parameter type " + type.getName());
    }

    /** A new handle on the shared cluster and (lazily) registry, with a topic prefix of its own. */
    public static StreamLakeEnvironment environment(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return new StreamLakeEnvironment(kafka(root), () -> registry(root), UniqueNames.of("t"));
    }

    /** The shared Kafka cluster, started if this is the first request of the JVM. */
    public static KafkaEndpoint kafka(ExtensionContext context) {
        return shared(
                context,
                KafkaEndpoint.class,
                () -> KafkaSelection.start(
                        EnvironmentSelection.kafka(systemProperties(), System.getenv()), workDirectory()));
    }

    /** The shared Schema Registry, started if this is the first request of the JVM (never started otherwise). */
    public static RegistryEndpoint registry(ExtensionContext context) {
        return shared(
                context,
                RegistryEndpoint.class,
                () -> RegistrySelection.start(
                        EnvironmentSelection.registry(systemProperties(), System.getenv()), workDirectory()));
    }

    /**
     * A value shared by every test of the JVM under {@code key}: started by {@code starter} on the first request
     * and closed after the last test, like the broker and the registry. For test suites that add their own
     * shared infrastructure (a secured broker, a proxy) next to these.
     */
    @SuppressWarnings("unchecked")
    public static <T> T shared(ExtensionContext context, Class<T> key, Supplier<SharedResource<T>> starter) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return ((SharedResource<T>) store.getOrComputeIfAbsent(key, k -> starter.get(), SharedResource.class)).value();
    }

    /** The work directory, see the class documentation. */
    public static Path workDirectory() {
        return Path.of(System.getProperty(WORKDIR_PROPERTY, "target")).toAbsolutePath();
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> properties.put(k, System.getProperty(k)));
        return properties;
    }
}
