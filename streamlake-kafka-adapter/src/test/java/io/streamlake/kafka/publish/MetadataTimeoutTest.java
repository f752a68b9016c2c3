package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * When a send's metadata wait times out, the adapter decides from the producer's {@code metadata-age} whether the
 * cluster answered during the wait (the topic is missing: fail the next sends at once) or not (an outage, or a cluster
 * slower than a small {@code max.block.ms}: keep waiting per send, as kafka-clients does). A producer stands in whose
 * every send times out waiting for metadata, as {@code KafkaProducer.send} reports it: on the sending thread, inside
 * {@code send}. Nothing here claims delivery.
 */
class MetadataTimeoutTest {

    private static final long MAX_BLOCK_MS = 5_000;

    @Test
    void givenNoMetadataAnswerDuringTheWaitWhileConnected_thenEverySendStillReachesTheProducer() throws Exception {
        TimingOut producer = new TimingOut(/* metadata-age, seconds: the last answer came before the wait */ 30.0);

        publish(producer, 5);

        assertThat(producer.sends)
                .as("sends that reached the producer (each waited for metadata)")
                .hasValue(5);
    }

    @Test
    void givenMetadataAnsweredDuringTheWait_thenTheTopicIsMissingAndLaterSendsFailAtOnceSayingSo() throws Exception {
        TimingOut producer = new TimingOut(/* answered 0.2 s ago, within the 5 s wait */ 0.2);

        Throwable last = publish(producer, 5);

        assertThat(producer.sends).as("sends that reached the producer").hasValue(1);
        assertThat(last).hasMessageContaining("less than max.block.ms ago and the cluster answered without it");
    }

    /** Publishes {@code n} events one after another and returns the last one's failure. */
    private static Throwable publish(TimingOut producer, int n) throws Exception {
        KafkaAdapter adapter = KafkaAdapter.forProducer(
                new KafkaAdapterConfig(Map.of(
                        "bootstrap.servers",
                        "b1:9092",
                        KafkaAdapterConfig.PASSTHROUGH_PREFIX + "max.block.ms",
                        String.valueOf(MAX_BLOCK_MS))),
                TopicNaming.defaults(),
                IngestionSettings.DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT,
                producer);
        try {
            Throwable last = null;
            for (int i = 0; i < n; i++) {
                CompletableFuture<PublishReceipt> future = adapter.eventPublisher()
                        .publish(new OutboundEvent(
                                "streamlake.orders.raw",
                                "k" + i,
                                new SerializedPayload("{}".getBytes(UTF_8), "application/json"),
                                Fixtures.metadata()));
                last = future.handle((receipt, error) -> error).get(5, TimeUnit.SECONDS);
                assertThat(last).as("event %d", i).isNotNull();
            }
            return last;
        } finally {
            adapter.close();
        }
    }

    /** Every send times out waiting for metadata; reports a fixed {@code metadata-age} and one connection. */
    private static final class TimingOut extends MockProducer<byte[], byte[]> {
        final AtomicInteger sends = new AtomicInteger();

        TimingOut(double metadataAgeSeconds) {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
            setMockMetrics(metric("metadata-age"), fixed("metadata-age", metadataAgeSeconds));
            setMockMetrics(metric("connection-count"), fixed("connection-count", 1.0));
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            sends.incrementAndGet();
            TimeoutException timeout = new TimeoutException(
                    "Topic " + record.topic() + " not present in metadata after " + MAX_BLOCK_MS + " ms.");
            callback.onCompletion(null, timeout);
            return CompletableFuture.failedFuture(timeout);
        }

        private static MetricName metric(String name) {
            return new MetricName(name, "producer-metrics", "", Map.of());
        }

        private static Metric fixed(String name, double value) {
            return new Metric() {
                @Override
                public MetricName metricName() {
                    return metric(name);
                }

                @Override
                public Object metricValue() {
                    return value;
                }
            };
        }
    }
}
