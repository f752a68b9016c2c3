package io.streamlake.core.domain;

/**
 * Where a dead letter sits in its dataset's DLQ: a partition and an offset in it. Offsets grow within a partition,
 * so "everything before offset N" names a prefix of that partition.
 *
 * @param partition the DLQ partition, from 0
 * @param offset    the offset within the partition, from 0
 */
public record DeadLetterPosition(int partition, long offset) {

    public DeadLetterPosition {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }
}
