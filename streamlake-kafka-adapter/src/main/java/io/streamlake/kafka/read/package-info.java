/**
 * Reading: {@link io.streamlake.kafka.read.TopicReader} reads a topic up to the end offsets it had when the read
 * began, and {@link io.streamlake.kafka.read.KafkaDeadLetterSource} reads a dataset's dead letters back with
 * {@link io.streamlake.kafka.read.DeadLetterRecordDecoder}; {@link io.streamlake.kafka.read.KafkaDeadLetterBacklog}
 * reads them for a replay from a consumer group's committed offsets and commits how far the replay got.
 */
package io.streamlake.kafka.read;
