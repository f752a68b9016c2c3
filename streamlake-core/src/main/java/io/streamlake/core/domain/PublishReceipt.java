package io.streamlake.core.domain;

import java.time.Instant;

/**
 * The broker's acknowledgement of one record.
 *
 * @param topic     the topic it was written to
 * @param partition its partition
 * @param offset    its offset in that partition
 * @param timestamp the record's timestamp
 */
public record PublishReceipt(String topic, int partition, long offset, Instant timestamp) {

    public PublishReceipt {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp must not be null");
        }
    }
}
