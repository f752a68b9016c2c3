package io.streamlake.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FileCheckpoint;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.out.TransactionalOutput;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A commit that times out (the mapping of {@code commitTransaction}'s time-out, on a mock producer: no delivery is
 * claimed here): it is retried for up to {@code max.block.ms}, and when it still times out its outcome is reported
 * unknown and no abort is attempted.
 */
class KafkaTransactionalOutputCommitTest {

    private static final String PATH = "/data/a.jsonl";
    private static final FileCheckpoint CHECKPOINT = new FileCheckpoint(PATH, 100, 100, "ab", 10, 1);

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    private KafkaTransactionalOutput output() {
        producer.initTransactions();
        return new KafkaTransactionalOutput(
                producer,
                new KafkaAdapterConfig(Map.of("bootstrap.servers", "b:9092", "kafka.max.block.ms", "1000")),
                1024,
                "streamlake-orders-0123456789abcdef",
                "streamlake.checkpoints",
                DatasetName.of("orders"),
                PATH,
                1,
                new RecordSizeCheck(10_000_000, 32 * 1024 * 1024, Compression.NONE, Map.of()));
    }

    @Test
    void givenACommitThatTimesOutOnce_thenItIsRetriedAndCommits() throws Exception {
        try (TransactionalOutput output = output()) {
            output.begin();
            producer.commitTransactionException = new TimeoutException("coordinator slow");
            CompletableFuture.runAsync(
                    () -> producer.commitTransactionException = null,
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

            output.commit(CHECKPOINT);

            assertThat(producer.transactionCommitted()).isTrue();
        }
    }

    @Test
    void givenACommitThatKeepsTimingOut_thenItsOutcomeIsUnknownAndItIsNotAborted() {
        try (TransactionalOutput output = output()) {
            output.begin();
            producer.commitTransactionException = new TimeoutException("coordinator gone");

            assertThatThrownBy(() -> output.commit(CHECKPOINT))
                    .isInstanceOf(RetriableStreamLakeException.class)
                    .hasMessageStartingWith(TransactionalOutput.COMMIT_OUTCOME_UNKNOWN);
            output.abort();

            assertThat(producer.transactionAborted()).isFalse();
        }
    }
}
