/**
 * Events made into Kafka records without sending them: {@link io.streamlake.runtime.records.RecordPreparer} gives the
 * exact RAW or DLQ record {@code streamlake produce} would write, for hosts that own their producer (Kafka Connect).
 */
package io.streamlake.runtime.records;
