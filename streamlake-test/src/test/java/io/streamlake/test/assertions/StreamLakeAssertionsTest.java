package io.streamlake.test.assertions;

import static io.streamlake.test.assertions.StreamLakeAssertions.assertThatDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.runtime.StreamLake;
import io.streamlake.test.StreamLakeEnvironment;
import io.streamlake.test.StreamLakeTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** What the assertions say when they fail: the topic, the expectation and the records found. */
@StreamLakeTest
class StreamLakeAssertionsTest {

    @Test
    void givenMoreRecordsThanExpected_thenHasSizeFailsAtOnceListingThem(StreamLakeEnvironment env) {
        env.createDatasetTopics("orders");
        try (StreamLake lake = env.builder().build()) {
            lake.produce("a", "{\"order_id\":\"a\",\"amount\":1.0}", "orders", "v1");
            lake.produce("b", "{\"order_id\":\"b\",\"amount\":2.0}", "orders", "v1");
        }
        long began = System.nanoTime();
        assertThatThrownBy(() -> assertThatDataset(env, "orders")
                        .within(Duration.ofMinutes(1))
                        .raw()
                        .hasSize(1))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(env.rawTopic("orders"))
                .hasMessageContaining("expected 1 record(s)")
                .hasMessageContaining("found 2 record(s)")
                .hasMessageContaining("key=a")
                .hasMessageContaining("key=b");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void givenNoRecordSatisfying_thenAnySatisfyFailsAfterTheTimeoutWithEachRecordsFailure(StreamLakeEnvironment env) {
        env.createDatasetTopics("orders");
        try (StreamLake lake = env.builder().build()) {
            lake.produce("a", "{\"order_id\":\"a\",\"amount\":1.0}", "orders", "v1");
        }
        assertThatThrownBy(() -> assertThatDataset(env, "orders")
                        .within(Duration.ofMillis(300))
                        .raw()
                        .anySatisfy(r -> assertThat(r.key()).isEqualTo("z")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected a record that satisfies the requirement")
                .hasMessageContaining("key=a")
                .hasMessageContaining("\"z\"");
    }

    @Test
    void givenAMissingTopic_thenTheFailureSaysItCouldNotBeRead(StreamLakeEnvironment env) {
        assertThatThrownBy(() -> assertThatDataset(env, "payments")
                        .within(Duration.ZERO)
                        .dlq()
                        .hasSize(1))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(env.dlqTopic("payments"))
                .hasMessageContaining("could not be read")
                .hasMessageContaining("does not exist");
    }
}
