package io.streamlake.it.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test class: its constructor, test, {@code @BeforeAll} and {@code @BeforeEach}
 * methods may declare {@link KafkaEndpoint} and {@link RegistryEndpoint} parameters, which
 * {@link SharedInfrastructure} resolves to one broker and one registry shared by every test class of the
 * JVM, and, for security tests, {@link SecureKafkaEndpoint} and {@link SecuredRegistryEndpoint} parameters.
 * Fault tests start their own brokers with {@link KafkaClusters}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SharedInfrastructure.class)
public @interface StreamLakeIntegrationTest {
}
