package io.streamlake.kafka.settings;

import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.StreamLakeException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Maps kafka-clients exceptions to StreamLake's taxonomy. Data errors (record too large, invalid record or
 * timestamp) become {@link RejectedPayloadException} for RAW records, so the event is dead-lettered; for DLQ
 * records they are {@link FatalStreamLakeException} (a dead letter that cannot be written is not retried).
 * Authentication, authorization and other non-retriable errors are fatal; time-outs and retriable errors are
 * retriable. Every platform failure names the bootstrap servers. Thread-safe (immutable).
 *
 * <p>Shared by the adapter's packages (publishing, provisioning, the cluster check); not meant for callers of the
 * adapter.
 */
public final class KafkaFailures {

    /** The user name of a PLAIN or SCRAM login; never the password. */
    private static final Pattern JAAS_USERNAME = Pattern.compile("\\busername\\s*=\\s*\"([^\"]*)\"");

    private final String bootstrapServers;
    private final String securityContext;

    /**
     * @param bootstrapServers named in every platform failure
     * @param securityContext  security protocol, SASL mechanism and principal, for authentication failures;
     *                         never a secret
     */
    KafkaFailures(String bootstrapServers, String securityContext) {
        this.bootstrapServers = bootstrapServers;
        this.securityContext = securityContext;
    }

    /** The failures of the cluster {@code config} connects to. */
    public static KafkaFailures of(KafkaAdapterConfig config) {
        Map<String, Object> pass = config.passthrough();
        StringBuilder context = new StringBuilder("security.protocol=")
                .append(pass.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"));
        Object mechanism = pass.get(SaslConfigs.SASL_MECHANISM);
        if (mechanism != null) {
            context.append(", sasl.mechanism=").append(mechanism);
        }
        Object jaas = pass.get(SaslConfigs.SASL_JAAS_CONFIG);
        if (jaas != null) {
            Matcher user = JAAS_USERNAME.matcher(jaas instanceof Password p ? p.value() : String.valueOf(jaas));
            if (user.find()) {
                context.append(", principal=").append(user.group(1));
            }
        }
        return new KafkaFailures(config.bootstrapServers(), context.toString());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Security protocol, SASL mechanism and principal; never a secret. */
    public String securityContext() {
        return securityContext;
    }

    /** The failure of a RAW record: {@link RejectedPayloadException} for data errors, else a platform failure. */
    public RuntimeException forEvent(String topic, Throwable error) {
        String dataError = dataErrorClass(error);
        if (dataError != null) {
            return new RejectedPayloadException(
                    dataError, "Kafka rejected the record for " + topic + ": " + error.getMessage(), error);
        }
        return platform(topic, error);
    }

    /** The failure of a DLQ record: always a platform failure; data errors are fatal. */
    public StreamLakeException forDeadLetter(String topic, Throwable error) {
        String dataError = dataErrorClass(error);
        if (dataError != null) {
            return new FatalStreamLakeException(
                    "Kafka at " + bootstrapServers + " refused the dead letter for " + topic + " (" + dataError + "): "
                            + error.getMessage(),
                    error);
        }
        return platform(topic, error);
    }

    /** A failure that is the platform's: retriable or fatal, naming the bootstrap servers and {@code subject}. */
    public StreamLakeException platform(String subject, Throwable error) {
        if (error instanceof StreamLakeException already) {
            return already;
        }
        String what = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (error instanceof AuthenticationException) {
            return new FatalStreamLakeException(
                    "Authentication to Kafka at " + bootstrapServers + " failed (" + securityContext + ") for "
                            + subject + ": " + what,
                    error);
        }
        if (error instanceof AuthorizationException) {
            return new FatalStreamLakeException(
                    "Not authorized by Kafka at " + bootstrapServers + " for " + subject + ": " + what, error);
        }
        if (error instanceof RetriableException || error instanceof InterruptException) {
            return new RetriableStreamLakeException(
                    "Kafka at " + bootstrapServers + " did not acknowledge " + subject + ": " + what, error);
        }
        return new FatalStreamLakeException(
                "Kafka at " + bootstrapServers + " failed for " + subject + ": " + what, error);
    }

    /** The {@code dlq_error_class} of a data error, or null when {@code error} is not one. */
    static String dataErrorClass(Throwable error) {
        if (error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException) {
            return "RecordTooLarge";
        }
        if (error instanceof InvalidTimestampException) {
            return "InvalidTimestamp";
        }
        if (error instanceof InvalidRecordException) {
            return "InvalidRecord";
        }
        if (error instanceof SerializationException) {
            return "SerializationFailed";
        }
        return null;
    }
}
