package com.example.orders;

import static io.streamlake.test.assertions.StreamLakeAssertions.assertThatDataset;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.runtime.StreamLake;
import io.streamlake.test.StreamLakeEnvironment;
import io.streamlake.test.StreamLakeTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own adapter: valid events go to its outbox file instead of Kafka, with StreamLake's headers; bad
 * data still goes to the dataset's DLQ on the broker, because only the {@link EventPublisher} port is replaced.
 */
@StreamLakeTest
class OutboxEventPublisherTest {

    @Test
    void givenTheOutboxAsEventPublisher_thenValidOrdersGoToTheFileAndBadOnesToTheDlq(
            StreamLakeEnvironment env, @TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox.tsv");
        try (OutboxEventPublisher publisher = new OutboxEventPublisher(outbox);
                StreamLake lake = env.builder()
                        .override(EventPublisher.class, publisher)
                        .provisionTopics(OrderPublisher.DATASET)
                        .build()) {
            OrderPublisher orders = new OrderPublisher(lake);

            assertInstanceOf(IngestionResult.Published.class, orders.publish(new Order("ORD-3", 7.0)));
            assertInstanceOf(IngestionResult.DeadLettered.class, orders.publishRaw("ORD-4", "not json"));
        }

        List<String> lines = Files.readAllLines(outbox, UTF_8);
        assertEquals(1, lines.size(), lines.toString());
        String[] fields = lines.get(0).split("\t");
        assertEquals(env.rawTopic(OrderPublisher.DATASET), fields[0]);
        assertEquals("ORD-3", fields[1]);
        assertTrue(fields[2].contains("dataset=orders;") && fields[2].contains("ingestion_id="), fields[2]);
        assertEquals(
                "{\"order_id\":\"ORD-3\",\"amount\":7.0}",
                new String(Base64.getDecoder().decode(fields[3]), UTF_8));
        assertThatDataset(env, OrderPublisher.DATASET).raw().isEmpty();
        assertEquals(
                "parse",
                assertThatDataset(env, OrderPublisher.DATASET)
                        .dlq()
                        .singleRecord()
                        .stage());
    }
}
