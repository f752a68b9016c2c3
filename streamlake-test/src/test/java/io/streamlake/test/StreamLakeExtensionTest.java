package io.streamlake.test;

import static io.streamlake.test.assertions.StreamLakeAssertions.assertThatDataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.IngestionResult;
import io.streamlake.runtime.StreamLake;
import io.streamlake.test.assertions.DeadLetterRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extension against the real embedded broker: what a team's test of its service looks like. */
@StreamLakeTest
class StreamLakeExtensionTest {

    private static KafkaEndpoint fromBeforeAll;

    @BeforeAll
    static void remember(KafkaEndpoint kafka) {
        fromBeforeAll = kafka;
    }

    @Test
    void givenAValidAndAnInvalidOrder_whenPublishedThroughTheBuilder_thenOneIsOnRawAndOneOnTheDlq(
            StreamLakeEnvironment env) {
        env.createDatasetTopics("orders");
        try (StreamLake lake =
                env.builder().set("producer.service", "billing-service").build()) {
            assertThat(lake.produce("o-1", "{\"order_id\":\"o-1\",\"amount\":12.5}", "orders", "v1"))
                    .isInstanceOf(IngestionResult.Published.class);
            assertThat(lake.produce("o-2", "{\"order_id\":\"o-2\"}", "orders", "v1"))
                    .isInstanceOf(IngestionResult.DeadLettered.class);
        }

        assertThatDataset(env, "orders").raw().hasSize(1).anySatisfy(record -> {
            assertThat(record.topic()).isEqualTo(env.topicPrefix() + ".orders.raw");
            assertThat(record.key()).isEqualTo("o-1");
            assertThat(record.value()).isEqualTo("{\"order_id\":\"o-1\",\"amount\":12.5}");
            assertThat(record.header("dataset")).isEqualTo("orders");
            assertThat(record.header("schema_version")).isEqualTo("v1");
            assertThat(record.header("producer_service")).isEqualTo("billing-service");
            assertThat(record.header("content_type")).isEqualTo("application/json");
        });
        DeadLetterRecord dead = assertThatDataset(env, "orders").dlq().singleRecord();
        assertThat(dead.key()).isEqualTo("o-2");
        assertThat(dead.stage()).isEqualTo("validate");
        assertThat(dead.header("dlq_stage")).isEqualTo("validate");
        assertThat(dead.reason()).isEqualTo(dead.header("dlq_reason")).contains("amount");
        assertThat(dead.payloadText()).isEqualTo("{\"order_id\":\"o-2\"}");
        assertThat(dead.originalTopic()).isEqualTo(env.rawTopic("orders"));
    }

    @Test
    void givenAvroSerialization_whenPublished_thenTheRawValueIsDecodedThroughTheRegistry(StreamLakeEnvironment env) {
        env.createDatasetTopics("orders");
        try (StreamLake lake =
                env.builderWithRegistry().set("serialization", "avro").build()) {
            assertThat(lake.produce("o-3", "{\"order_id\":\"o-3\",\"amount\":3.0}", "orders", "v1"))
                    .isInstanceOf(IngestionResult.Published.class);
        }

        assertThatDataset(env, "orders")
                .raw()
                .allSatisfy(record -> {
                    assertThat(record.header("content_type")).isEqualTo("application/avro");
                    assertThat(record.value()).contains("\"order_id\":\"o-3\"").contains("\"amount\":3.0");
                })
                .hasSize(1);
        assertThatDataset(env, "orders").dlq().isEmpty();
    }

    @Test
    void givenTwoHandles_thenTheyShareTheClusterButNotTheTopicPrefix(
            StreamLakeEnvironment first, StreamLakeEnvironment second, KafkaEndpoint kafka) {
        assertThat(first.kafka()).isSameAs(second.kafka()).isSameAs(kafka).isSameAs(fromBeforeAll);
        assertThat(first.topicPrefix()).isNotEqualTo(second.topicPrefix());
        assertThat(first.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        assertThat(kafka.description()).startsWith("embedded Kafka broker at localhost:");
    }
}
