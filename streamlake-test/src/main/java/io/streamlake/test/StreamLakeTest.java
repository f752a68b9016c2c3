package io.streamlake.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against a real Kafka broker and, when it asks for one, a real Schema Registry,
 * both shared by every test class of the JVM: its constructor, test, lifecycle ({@code @BeforeAll},
 * {@code @BeforeEach}, …) methods may declare {@link StreamLakeEnvironment}, {@link KafkaEndpoint} and
 * {@link RegistryEndpoint} parameters. Same as {@code @ExtendWith(StreamLakeExtension.class)}; see
 * {@link StreamLakeExtension} for which broker and registry, and {@link StreamLakeAssertions} for checking
 * what landed on a dataset's RAW and DLQ topics.
 *
 * <pre>{@code
 * @StreamLakeTest
 * class OrderServiceTest {
 *     @Test
 *     void givenABadOrder_thenItIsDeadLettered(StreamLakeEnvironment env) {
 *         env.createDatasetTopics("orders");
 *         try (StreamLake lake = env.builder().build()) {
 *             lake.produce("o-1", "{\"order_id\":\"o-1\"}", "orders", "v1");
 *         }
 *         assertEquals("validate", assertThatDataset(env, "orders").dlq().singleRecord().stage());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StreamLakeExtension.class)
public @interface StreamLakeTest {}
