package com.example.orders;

import static io.streamlake.test.assertions.StreamLakeAssertions.assertThatDataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamlake.core.domain.IngestionResult;
import io.streamlake.runtime.StreamLake;
import io.streamlake.test.StreamLakeEnvironment;
import io.streamlake.test.StreamLakeTest;
import io.streamlake.test.assertions.DeadLetterRecord;
import org.junit.jupiter.api.Test;

/** The service publishes through the builder to the testkit's real broker; the builder creates the topics. */
@StreamLakeTest
class OrderPublisherTest {

    @Test
    void givenAValidOrder_thenItIsOnRawKeyedByItsIdWithTheServicesHeaders(StreamLakeEnvironment env) {
        try (StreamLake lake = env.builder()
                .set("producer.service", "orders-service")
                .provisionTopics(OrderPublisher.DATASET)
                .build()) {
            IngestionResult result = new OrderPublisher(lake).publish(new Order("ORD-1", 12.5));

            assertInstanceOf(IngestionResult.Published.class, result);
        }

        assertThatDataset(env, OrderPublisher.DATASET).raw().hasSize(1).anySatisfy(record -> {
            assertEquals("ORD-1", record.key());
            assertEquals("{\"order_id\":\"ORD-1\",\"amount\":12.5}", record.value());
            assertEquals("orders", record.header("dataset"));
            assertEquals("v2", record.header("schema_version"), "the dataset's latest version");
            assertEquals("orders-service", record.header("producer_service"));
        });
    }

    @Test
    void givenAPayloadWithoutAmount_thenItIsDeadLetteredWithItsBytesAndReason(StreamLakeEnvironment env) {
        try (StreamLake lake =
                env.builder().provisionTopics(OrderPublisher.DATASET).build()) {
            IngestionResult result = new OrderPublisher(lake).publishRaw("ORD-2", "{\"order_id\":\"ORD-2\"}");

            assertInstanceOf(IngestionResult.DeadLettered.class, result);
        }

        assertThatDataset(env, OrderPublisher.DATASET).raw().isEmpty();
        DeadLetterRecord dead =
                assertThatDataset(env, OrderPublisher.DATASET).dlq().singleRecord();
        assertEquals("validate", dead.stage());
        assertTrue(dead.reason().contains("amount"), dead.reason());
        assertEquals("{\"order_id\":\"ORD-2\"}", dead.payloadText());
        assertEquals("ORD-2", dead.key());
    }
}
