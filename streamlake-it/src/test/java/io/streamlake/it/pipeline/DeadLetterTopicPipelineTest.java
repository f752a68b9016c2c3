package io.streamlake.it.pipeline;

import static io.streamlake.it.pipeline.PipelineFixture.ORDERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.test.KafkaEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The core decides the topics: RAW records go to {@code OutboundEvent.topic()} and dead letters to
 * {@code DeadLetter.deadLetterTopic()} (the {@code DeadLetterPort} contract), whatever topic naming the adapter
 * itself was built with. Otherwise a pipeline whose core and adapter disagree on the prefix would split an
 * event stream's RAW and DLQ records across two prefixes.
 */
@StreamLakeIntegrationTest
class DeadLetterTopicPipelineTest {

    @Test
    void givenAdapterWithOtherTopicNaming_thenDeadLetterGoesToTheTopicTheCoreChose(KafkaEndpoint kafka)
            throws Exception {
        TopicNaming core = new TopicNaming(kafka.uniqueName("p"));
        TopicNaming adapterOwn = new TopicNaming(kafka.uniqueName("p"));
        try (PipelineFixture pipeline = PipelineFixture.start(kafka, core, adapterOwn, PipelineFixture.json())) {
            pipeline.provision(
                    ORDERS); // the adapter's own naming: both topics exist, so a misrouted record is acknowledged
            kafka.createTopic(core.raw(ORDERS), PipelineFixture.PARTITIONS);
            kafka.createTopic(core.deadLetter(ORDERS), PipelineFixture.PARTITIONS);

            IngestionResult valid = pipeline.ingest(
                    IngestCommand.of(ORDERS, "o-1", "{\"order_id\": \"o-1\", \"amount\": 1}".getBytes(UTF_8)));
            IngestionResult invalid = pipeline.ingest(
                    IngestCommand.of(ORDERS, "o-2", "{\"order_id\": \"o-2\", \"amount\": \"abc\"}".getBytes(UTF_8)));

            assertThat(valid)
                    .isInstanceOfSatisfying(
                            IngestionResult.Published.class,
                            p -> assertThat(p.receipt().topic()).isEqualTo(core.raw(ORDERS)));
            assertThat(invalid)
                    .isInstanceOfSatisfying(
                            IngestionResult.DeadLettered.class,
                            d -> assertThat(d.receipt().topic()).isEqualTo(core.deadLetter(ORDERS)));
            assertThat(pipeline.read(core.deadLetter(ORDERS), 1))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(PlainReader.key(r)).isEqualTo("o-2");
                        assertThat(PlainReader.header(r, HeaderNames.DLQ_ORIGINAL_TOPIC))
                                .isEqualTo(core.raw(ORDERS));
                    });
            assertThat(pipeline.endOffsets(adapterOwn.raw(ORDERS))).isZero();
            assertThat(pipeline.endOffsets(adapterOwn.deadLetter(ORDERS))).isZero();
        }
    }
}
