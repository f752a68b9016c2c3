package io.streamlake.kafka.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import java.util.Map;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaFailuresTest {

    private final KafkaFailures failures =
            new KafkaFailures("broker-1:9092,broker-2:9092", "security.protocol=PLAINTEXT");

    @Test
    void givenRecordTooLarge_thenRawRecordIsRejectedData() {
        RuntimeException mapped = failures.forEvent("t.raw", new RecordTooLargeException("The message is 2000 bytes"));

        assertThat(mapped).isInstanceOf(RejectedPayloadException.class).hasMessageContaining("2000 bytes");
        assertThat(((RejectedPayloadException) mapped).errorClass()).isEqualTo("RecordTooLarge");
    }

    @Test
    void givenInvalidRecordOrTimestamp_thenRejectedData() {
        assertThat(((RejectedPayloadException)
                                failures.forEvent("t", new InvalidRecordException("compacted topic needs a key")))
                        .errorClass())
                .isEqualTo("InvalidRecord");
        assertThat(((RejectedPayloadException)
                                failures.forEvent("t", new InvalidTimestampException("too far in the future")))
                        .errorClass())
                .isEqualTo("InvalidTimestamp");
    }

    @Test
    void givenRecordTooLargeForDeadLetter_thenFatalNotRetriable() {
        var mapped = failures.forDeadLetter("t.dlq", new RecordTooLargeException("too large"));

        assertThat(mapped)
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("broker-1:9092,broker-2:9092");
        assertThat(mapped.isRetriable()).isFalse();
    }

    @Test
    void givenTimeoutOrRetriable_thenRetriableNamingBootstrapServers() {
        var timeout = failures.forEvent("t.raw", new TimeoutException("Expiring 3 record(s) for t.raw-0"));
        var notLeader = failures.forEvent("t.raw", new NotLeaderOrFollowerException("moved"));

        assertThat(timeout)
                .isInstanceOf(RetriableStreamLakeException.class)
                .hasMessageContaining("broker-1:9092,broker-2:9092")
                .hasMessageContaining("t.raw")
                .hasMessageContaining("Expiring");
        assertThat(notLeader).isInstanceOf(RetriableStreamLakeException.class);
    }

    @Test
    void givenAuthorizationRefused_thenFatalNamingBootstrapServersAndTopic() {
        assertThat(failures.forEvent("t.raw", new TopicAuthorizationException("denied")))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("broker-1:9092")
                .hasMessageContaining("t.raw");
        assertThat(failures.forEvent("t.raw", new ClusterAuthorizationException("denied")))
                .isInstanceOf(FatalStreamLakeException.class);
    }

    @Test
    void givenOtherNonRetriable_thenFatal() {
        assertThat(failures.forEvent("t", new OutOfOrderSequenceException("seq")))
                .isInstanceOf(FatalStreamLakeException.class);
        assertThat(failures.forEvent(
                        "t", new IllegalStateException("Cannot perform operation after producer has been closed")))
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void givenAuthenticationFailure_thenFatalNamingMechanismAndPrincipalNeverPassword() {
        KafkaAdapterConfig config = new KafkaAdapterConfig(Map.of(
                "bootstrap.servers",
                "kafka.example:9093",
                "kafka.security.protocol",
                "SASL_SSL",
                "kafka.sasl.mechanism",
                "SCRAM-SHA-512",
                "kafka.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"alice\" password=\"pa55word\";"));

        var mapped = KafkaFailures.of(config).forEvent("t", new SaslAuthenticationException("Authentication failed"));

        assertThat(mapped)
                .isInstanceOf(FatalStreamLakeException.class)
                .hasMessageContaining("kafka.example:9093")
                .hasMessageContaining("SASL_SSL")
                .hasMessageContaining("SCRAM-SHA-512")
                .hasMessageContaining("principal=alice")
                .hasMessageNotContaining("pa55word");
    }
}
