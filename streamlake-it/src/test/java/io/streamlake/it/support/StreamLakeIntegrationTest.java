package io.streamlake.it.support;

import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import io.streamlake.test.StreamLakeExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class: its constructor, test, {@code @BeforeAll} and {@code @BeforeEach}
 * methods may declare {@link KafkaEndpoint}, {@link RegistryEndpoint} and
 * {@link io.streamlake.test.StreamLakeEnvironment} parameters, which the testkit's {@link StreamLakeExtension}
 * resolves to one broker and one registry shared by every test class of the JVM (embedded unless
 * {@code -Dstreamlake.it.bootstrap.servers}, {@code -Dstreamlake.it.schema.registry.url} or
 * {@code -Dstreamlake.it.kafka=testcontainers} say otherwise), and, for security tests,
 * {@link SecureKafkaEndpoint} and {@link SecuredRegistryEndpoint} parameters ({@link SecureInfrastructure}).
 * Fault tests start their own brokers with {@link KafkaClusters}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith({StreamLakeExtension.class, SecureInfrastructure.class})
public @interface StreamLakeIntegrationTest {}
