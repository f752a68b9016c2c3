package io.streamlake.test.assertions;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import io.streamlake.test.StreamLakeEnvironment;

/**
 * Entry point of the assertions on what landed on a dataset's RAW and DLQ topics:
 *
 * <pre>{@code
 * assertThatDataset(env, "orders").raw().hasSize(1).anySatisfy(r -> {
 *     assertEquals("o-1", r.key());
 *     assertEquals("v1", r.header("schema_version"));
 * });
 * DeadLetterRecord bad = assertThatDataset(env, "orders").dlq().singleRecord();
 * assertEquals("validate", bad.stage());
 * }</pre>
 *
 * <p>Reading uses the Kafka adapter's topic reader and dead-letter decoder, and Avro values are decoded with the
 * schema module's wire-format decoder, so the assertions see records the way StreamLake's own {@code consume}
 * and {@code dlq} commands do.
 */
public final class StreamLakeAssertions {

    private StreamLakeAssertions() {}

    /** The dataset's topics under {@code env}'s topic prefix, on its cluster; Avro decoded with its registry. */
    public static DatasetAssert assertThatDataset(StreamLakeEnvironment env, String dataset) {
        return new DatasetAssert(
                env.kafka().clientProperties(),
                env::schemaRegistryUrl,
                DatasetName.of(dataset),
                new TopicNaming(env.topicPrefix()),
                DatasetAssert.DEFAULT_TIMEOUT);
    }

    /**
     * The dataset's topics under the default prefix {@code streamlake} (change it with
     * {@link DatasetAssert#withTopicPrefix}) on {@code kafka}; Avro values are decoded with {@code registry}.
     */
    public static DatasetAssert assertThatDataset(KafkaEndpoint kafka, RegistryEndpoint registry, String dataset) {
        return new DatasetAssert(
                kafka.clientProperties(),
                registry::url,
                DatasetName.of(dataset),
                TopicNaming.defaults(),
                DatasetAssert.DEFAULT_TIMEOUT);
    }
}
