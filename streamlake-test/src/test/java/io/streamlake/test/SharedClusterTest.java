package io.streamlake.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@StreamLakeTest
class SharedClusterTest {

    private static KafkaEndpoint fromBeforeAll;

    @BeforeAll
    static void remember(KafkaEndpoint kafka) {
        fromBeforeAll = kafka;
        SharedClusterWitness.record(kafka);
    }

    @Test
    void givenSharedKafka_whenTopicCreatedAndRecordsSent_thenConsumeAllReadsThemBack(KafkaEndpoint kafka)
            throws Exception {
        String topic = kafka.createTopic(kafka.uniqueTopic("smoke"), 3);
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(topic, 3, Duration.ofSeconds(30));
        assertThat(records)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("v0", "v1", "v2");
    }

    @Test
    void givenCommittedAndAbortedTransactions_whenReadToEndReadCommitted_thenOnlyTheCommittedAreRead(
            KafkaEndpoint kafka) {
        String topic = kafka.createTopic(kafka.uniqueTopic("toend"), 2);
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueName("toend-tx"));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "c", "aborted"));
            producer.flush(); // written, then aborted: unsent records would just be dropped
            producer.abortTransaction();
        }

        List<ConsumerRecord<byte[], byte[]>> committed = kafka.readToEnd(
                topic, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Duration.ofSeconds(30));
        List<ConsumerRecord<byte[], byte[]>> all = kafka.readToEnd(topic, Map.of(), Duration.ofSeconds(30));

        assertThat(committed)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("committed-1", "committed-2");
        assertThat(all)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("committed-1", "committed-2", "aborted");
    }

    @Test
    void givenUniqueTopic_thenEachCallGivesANewValidTopicName(KafkaEndpoint kafka) {
        String a = kafka.uniqueTopic("orders raw/1");
        String b = kafka.uniqueTopic("orders raw/1");
        assertThat(a).isNotEqualTo(b).matches("orders_raw_1-[a-z0-9]+-\\d+");
    }

    @Test
    void givenExistingTopic_whenCreatedAgain_thenErrorNamesTheTopic(KafkaEndpoint kafka) {
        String topic = kafka.createTopic(kafka.uniqueTopic("twice"), 1);
        assertThatThrownBy(() -> kafka.createTopic(topic, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("TopicExistsException");
    }

    @Nested
    class NestedClass {

        @Test
        void givenNestedClass_thenItGetsTheSameSharedCluster(KafkaEndpoint kafka) {
            assertThat(kafka).isSameAs(fromBeforeAll);
        }
    }
}
