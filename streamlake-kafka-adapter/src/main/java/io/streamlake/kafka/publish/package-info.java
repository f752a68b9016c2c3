/**
 * Publishing: {@link io.streamlake.kafka.publish.KafkaAdapter}, the Kafka transport's entry point, gives the core's
 * {@code EventPublisher} and {@code DeadLetterPort} on one shared {@code KafkaProducer}, and the topic provisioner on
 * the same cluster. Everything else in this package is an implementation detail.
 */
package io.streamlake.kafka.publish;
