package io.streamlake.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * JUnit 5 extension giving tests one Kafka cluster and one Schema Registry per test JVM, started on first
 * use and stopped after the JVM's last test (they live in the root {@link ExtensionContext.Store}).
 *
 * <p>Resolves {@link KafkaEndpoint} parameters (see {@link KafkaSelection} for which cluster) and
 * {@link RegistryEndpoint} parameters (see {@link RegistrySelection}); the registry starts only when a test
 * asks for one. Security tests may ask for a {@link SecureKafkaEndpoint} (a second, embedded broker with a
 * SASL_SSL/SCRAM-SHA-512 listener) and a {@link SecuredRegistryEndpoint} (the shared registry behind a proxy
 * that requires credentials); each starts on first request and is shared like the others.
 * Use it through {@link StreamLakeIntegrationTest}. Logs go to {@code target/logs/it.log}.
 */
public final class SharedInfrastructure implements ParameterResolver {

    /** System property with the directory for brokers' data and logs; surefire sets it to {@code target}. */
    public static final String WORKDIR_PROPERTY = "streamlake.it.workdir";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedInfrastructure.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaEndpoint.class || type == RegistryEndpoint.class || type == SecureKafkaEndpoint.class
                || type == SecuredRegistryEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KafkaEndpoint.class) {
            return kafka(context);
        }
        if (type == RegistryEndpoint.class) {
            return registry(context);
        }
        if (type == SecureKafkaEndpoint.class) {
            return secureKafka(context);
        }
        if (type == SecuredRegistryEndpoint.class) {
            return securedRegistry(context);
        }
        throw new ParameterResolutionException("unsupported parameter type " + type.getName());
    }

    /** The shared Kafka cluster, started if this is the first request of the JVM. */
    public static KafkaEndpoint kafka(ExtensionContext context) {
        return shared(context, KafkaEndpoint.class, () -> KafkaSelection.start(workDirectory()));
    }

    /** The shared Schema Registry, started if this is the first request of the JVM (never started otherwise). */
    public static RegistryEndpoint registry(ExtensionContext context) {
        return shared(context, RegistryEndpoint.class, () -> RegistrySelection.start(workDirectory()));
    }

    /** The shared SASL_SSL cluster, started if this is the first request of the JVM (never started otherwise). */
    public static SecureKafkaEndpoint secureKafka(ExtensionContext context) {
        return shared(context, SecureKafkaEndpoint.class, () -> SecureKafkaSelection.start(workDirectory()));
    }

    /** The shared registry behind an authenticating proxy; starts the shared registry too if needed. */
    public static SecuredRegistryEndpoint securedRegistry(ExtensionContext context) {
        RegistryEndpoint registry = registry(context);
        return shared(context, SecuredRegistryEndpoint.class, () -> SecuredRegistryEndpoint.start(registry));
    }

    /** Where embedded components keep their data and logs: {@code streamlake-it/target} under Maven. */
    public static Path workDirectory() {
        return Path.of(System.getProperty(WORKDIR_PROPERTY, "target")).toAbsolutePath();
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(ExtensionContext context, Class<T> key,
                                java.util.function.Supplier<SharedResource<T>> starter) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return ((SharedResource<T>) store.getOrComputeIfAbsent(key, k -> starter.get(), SharedResource.class)).value();
    }
}
