package io.streamlake.it.support;

import io.streamlake.test.StreamLakeExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for the security tests, next to the testkit's {@link StreamLakeExtension}: it resolves a
 * {@link SecureKafkaEndpoint} (a second, embedded broker with a SASL_SSL/SCRAM-SHA-512 listener) and a
 * {@link SecuredRegistryEndpoint} (the shared registry behind a proxy that requires credentials). Each starts on
 * first request and is kept, like the testkit's broker and registry, in JUnit's root store until the JVM's last
 * test. Use it through {@link StreamLakeIntegrationTest}.
 */
public final class SecureInfrastructure implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SecureKafkaEndpoint.class || type == SecuredRegistryEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SecureKafkaEndpoint.class) {
            return secureKafka(context);
        }
        if (type == SecuredRegistryEndpoint.class) {
            return securedRegistry(context);
        }
        throw new ParameterResolutionException("unsupported parameter type " + type.getName());
    }

    /** The shared SASL_SSL cluster, started if this is the first request of the JVM (never started otherwise). */
    public static SecureKafkaEndpoint secureKafka(ExtensionContext context) {
        return StreamLakeExtension.shared(
                context,
                SecureKafkaEndpoint.class,
                () -> SecureKafkaEndpoint.start(StreamLakeExtension.workDirectory()));
    }

    /** The shared registry behind an authenticating proxy; starts the shared registry too if needed. */
    public static SecuredRegistryEndpoint securedRegistry(ExtensionContext context) {
        var registry = StreamLakeExtension.registry(context);
        return StreamLakeExtension.shared(
                context, SecuredRegistryEndpoint.class, () -> SecuredRegistryEndpoint.start(registry));
    }
}
