package io.streamlake.runtime.records;

import io.streamlake.core.domain.IngestionResult;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One event made into the Kafka record the {@code kafka} transport would send for it, not sent.
 *
 * @param record  the record: topic (the dataset's RAW or DLQ topic), partition (null: Kafka's default partitioner
 *                decides from the key bytes, as for {@code streamlake produce}; set only for a dead letter whose over-long
 *                key was cut), timestamp, key bytes, value bytes and headers
 * @param outcome what the core decided: {@link IngestionResult.Published} for a RAW record (its receipt is a
 *                placeholder, offset 0, until the record is really written), {@link IngestionResult.DeadLettered} for
 *                a DLQ record (stage, error class and reason)
 */
public record PreparedRecord(ProducerRecord<byte[], byte[]> record, IngestionResult outcome) {

    public PreparedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome instanceof IngestionResult.Failed) {
            throw new IllegalArgumentException("a failed event has no record");
        }
    }

    /** True for a dead letter (a DLQ record), false for a RAW record. */
    public boolean deadLettered() {
        return outcome instanceof IngestionResult.DeadLettered;
    }
}
