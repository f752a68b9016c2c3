/**
 * The Kafka transport of StreamLake: {@link io.streamlake.kafka.KafkaAdapter} gives the core's
 * {@code EventPublisher} and {@code DeadLetterPort} on one shared {@code KafkaProducer}, configured by
 * {@link io.streamlake.kafka.KafkaAdapterConfig} (declared with Kafka's {@code ConfigDef}), and a
 * {@link io.streamlake.kafka.TopicProvisioner} for a dataset's RAW and DLQ topics. Everything else in this
 * package is an implementation detail. See {@code docs/kafka-adapter.md}.
 */
package io.streamlake.kafka;
