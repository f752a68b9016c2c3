package io.streamlake.kafka.provision;

import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.kafka.settings.KafkaFailures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until every partition of some topics has a leader that answers a list-offsets request. This is the
 * workaround for KAFKA-15591: an idempotent producer that sends the moment a topic is created can get
 * NOT_LEADER_OR_FOLLOWER on its first batch, then OUT_OF_ORDER_SEQUENCE_NUMBER on every retry, and stall until
 * {@code delivery.timeout.ms}. Metadata alone ({@code partitionsFor}, a described leader) is not enough; a
 * leader that answers is.
 */
final class LeaderWait {

    private static final long PAUSE_MS = 100;

    private LeaderWait() {}

    /**
     * @return the topics' descriptions once every leader answers
     * @throws RetriableStreamLakeException when they do not within {@code timeoutMs}
     * @throws io.streamlake.core.domain.StreamLakeException fatal when describing or listing is not authorized
     */
    static Map<String, TopicDescription> await(
            Admin admin, List<String> topics, int timeoutMs, KafkaFailures failures) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        String pending = "no answer yet";
        while (true) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                throw new RetriableStreamLakeException("Kafka at " + failures.bootstrapServers() + ": topics " + topics
                        + " not ready within " + timeoutMs + " ms (" + KafkaAdapterConfig.TOPICS_READY_TIMEOUT_MS_CONFIG
                        + "): " + pending);
            }
            int callTimeout = (int) Math.min(Integer.MAX_VALUE, remainingMs);
            try {
                Map<String, TopicDescription> described = admin.describeTopics(
                                topics, new DescribeTopicsOptions().timeoutMs(callTimeout))
                        .allTopicNames()
                        .get(remainingMs, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                List<TopicPartition> leaderless = new ArrayList<>();
                described.forEach((name, description) -> {
                    for (TopicPartitionInfo p : description.partitions()) {
                        TopicPartition tp = new TopicPartition(name, p.partition());
                        latest.put(tp, OffsetSpec.latest());
                        if (p.leader() == null || p.leader().isEmpty()) {
                            leaderless.add(tp);
                        }
                    }
                });
                if (leaderless.isEmpty()) {
                    admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(callTimeout))
                            .all()
                            .get(remainingMs, TimeUnit.MILLISECONDS);
                    return described;
                }
                pending = "no leader yet for " + leaderless;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw failures.platform("waiting for the leaders of " + topics, e.getCause());
                }
                pending = e.getCause().getClass().getSimpleName() + ": "
                        + e.getCause().getMessage();
            } catch (java.util.concurrent.TimeoutException e) {
                pending = "no answer within the remaining time";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableStreamLakeException("interrupted while waiting for the leaders of " + topics, e);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableStreamLakeException("interrupted while waiting for topic leaders", e);
        }
    }
}
