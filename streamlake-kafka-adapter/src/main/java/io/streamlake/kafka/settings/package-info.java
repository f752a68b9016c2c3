/**
 * The Kafka transport's settings: {@link io.streamlake.kafka.settings.KafkaAdapterConfig} (declared with Kafka's
 * {@code ConfigDef}), the {@link io.streamlake.kafka.settings.HeadersStyle} and the
 * {@link io.streamlake.kafka.settings.TopicSettings} it gives, and
 * {@link io.streamlake.kafka.settings.KafkaFailures}, which maps kafka-clients exceptions to StreamLake's for the
 * other packages of the adapter. See {@code docs/kafka-adapter.md}.
 */
package io.streamlake.kafka.settings;
