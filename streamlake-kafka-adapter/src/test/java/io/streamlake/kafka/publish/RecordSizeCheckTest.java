package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The transactional output's size check: the producer's limits ({@code max.request.size}, {@code buffer.memory}) on
 * the serialized-size upper bound {@code KafkaProducer.send} computes, the topic's {@code max.message.bytes} on the
 * batch the broker would see, and the channel refusing such a record without handing it to the producer (a
 * {@link MockProducer} records what reached it; nothing here claims delivery).
 */
class RecordSizeCheckTest {

    private static final String TOPIC = "it.orders.raw";

    private static ProducerRecord<byte[], byte[]> record(String topic, byte[] value) {
        return new ProducerRecord<>(topic, null, 1_700_000_000_000L, "k".getBytes(UTF_8), value);
    }

    private static int upperBound(ProducerRecord<byte[], byte[]> r) {
        return AbstractRecords.estimateSizeInBytesUpperBound(
                RecordBatch.CURRENT_MAGIC_VALUE,
                CompressionType.NONE,
                r.key(),
                r.value(),
                r.headers().toArray());
    }

    private static byte[] randomLetters(int n) {
        Random random = new Random(3);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ('a' + random.nextInt(26));
        }
        return out;
    }

    @Test
    void givenARecordOfExactlyMaxRequestSize_thenItPassesAndOneByteMoreIsRefusedNamingTheSetting() {
        ProducerRecord<byte[], byte[]> fits = record(TOPIC, new byte[5_000]);
        int size = upperBound(fits);
        RecordSizeCheck check = new RecordSizeCheck(size, 32 * 1024 * 1024, Compression.NONE, Map.of(TOPIC, 1_000_000));

        assertThat(check.refusal(fits)).isNull();
        assertThat(check.refusal(record(TOPIC, new byte[5_001])))
                .isInstanceOf(RecordTooLargeException.class)
                .hasMessageContaining((size + 1) + " bytes")
                .hasMessageContaining("max.request.size");
    }

    @Test
    void givenARecordLargerThanBufferMemory_thenRefusedNamingBufferMemory() {
        RecordSizeCheck check = new RecordSizeCheck(1_000_000, 4_096, Compression.NONE, Map.of(TOPIC, 1_000_000));

        assertThat(check.refusal(record(TOPIC, new byte[5_000]))).hasMessageContaining("buffer.memory");
    }

    @Test
    void givenARecordLargerThanTheTopicsMaxMessageBytes_thenRefusedNamingTheTopic_andAnUnknownTopicGetsTheDefault() {
        RecordSizeCheck check =
                new RecordSizeCheck(10_000_000, 32 * 1024 * 1024, Compression.NONE, Map.of(TOPIC, 4_096));

        assertThat(check.refusal(record(TOPIC, new byte[4_000]))).isNull();
        assertThat(check.refusal(record(TOPIC, new byte[5_000])))
                .hasMessageContaining("4096, the max.message.bytes of topic " + TOPIC);
        assertThat(check.refusal(record("other", new byte[1_000_000]))).isNull();
        assertThat(check.refusal(record("other", new byte[RecordSizeCheck.BROKER_DEFAULT_MAX_MESSAGE_BYTES])))
                .hasMessageContaining("max.message.bytes of topic other");
    }

    @Test
    void givenCompression_thenTheTopicLimitIsCheckedOnTheCompressedBatch() {
        RecordSizeCheck check = new RecordSizeCheck(
                10_000_000, 32 * 1024 * 1024, Compression.lz4().build(), Map.of(TOPIC, 4_096));

        assertThat(check.refusal(record(TOPIC, new byte[20_000])))
                .as("20,000 zero bytes compress far below 4096")
                .isNull();
        assertThat(check.refusal(record(TOPIC, randomLetters(20_000))))
                .hasMessageContaining("lz4-compressed batch")
                .hasMessageContaining("max.message.bytes of topic " + TOPIC);
    }

    @Test
    void givenTheChannelWithASizeCheck_thenATooLargeRecordNeverReachesTheProducerAndIsARejectedPayload() {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        OutageBreaker breaker =
                new OutageBreaker(30_000, "b:9092", CompletableFuture::new, System::nanoTime, Clock.systemUTC());
        ProducerChannel channel = new ProducerChannel(
                producer,
                breaker,
                1,
                1_000,
                new RecordSizeCheck(10_000_000, 32 * 1024 * 1024, Compression.NONE, Map.of(TOPIC, 4_096)),
                null);
        KafkaFailures failures = KafkaFailures.of(new KafkaAdapterConfig(Map.of("bootstrap.servers", "b:9092")));

        CompletableFuture<PublishReceipt> refused = channel.send(record(TOPIC, new byte[5_000]), failures::forEvent);
        CompletableFuture<PublishReceipt> sent = channel.send(record(TOPIC, new byte[100]), failures::forEvent);

        assertThat(refused)
                .failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableThat()
                .havingCause()
                .isInstanceOfSatisfying(
                        RejectedPayloadException.class,
                        e -> assertThat(e.errorClass()).isEqualTo("RecordTooLarge"));
        assertThat(sent).succeedsWithin(java.time.Duration.ofSeconds(5));
        assertThat(producer.history())
                .singleElement()
                .satisfies(r -> assertThat(r.value()).hasSize(100));
        channel.release();
    }
}
