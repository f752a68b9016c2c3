package io.streamlake.test.assertions;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.TopicNaming;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Assertions on one dataset's topics, {@code <prefix>.<dataset>.raw} ({@link #raw()}) and
 * {@code <prefix>.<dataset>.dlq} ({@link #dlq()}). Immutable; {@link #withTopicPrefix} and {@link #within}
 * return a changed copy. Made by {@link StreamLakeAssertions}.
 */
public final class DatasetAssert {

    /** How long checks wait for records that are not there yet, unless {@link #within} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> clientProperties;
    private final Supplier<String> registryUrl;
    private final DatasetName dataset;
    private final TopicNaming naming;
    private final Duration timeout;

    DatasetAssert(
            Map<String, Object> clientProperties,
            Supplier<String> registryUrl,
            DatasetName dataset,
            TopicNaming naming,
            Duration timeout) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.naming = Objects.requireNonNull(naming, "naming");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The same dataset under another {@code topic.prefix}, e.g. {@code streamlake} when the service sets none. */
    public DatasetAssert withTopicPrefix(String prefix) {
        return new DatasetAssert(clientProperties, registryUrl, dataset, new TopicNaming(prefix), timeout);
    }

    /** Checks wait up to {@code timeout} for records that are not there yet. */
    public DatasetAssert within(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        return new DatasetAssert(clientProperties, registryUrl, dataset, naming, timeout);
    }

    /** The dataset's RAW topic; values decoded as text, Avro through the registry. */
    public RecordsAssert<RawRecord> raw() {
        String topic = naming.raw(dataset);
        TopicRecords records = new TopicRecords(clientProperties, registryUrl);
        return new RecordsAssert<>(topic, () -> records.raw(topic), timeout);
    }

    /** The dataset's DLQ topic; each record with its stage, reason and original payload. */
    public RecordsAssert<DeadLetterRecord> dlq() {
        String topic = naming.deadLetter(dataset);
        TopicRecords records = new TopicRecords(clientProperties, registryUrl);
        return new RecordsAssert<>(topic, () -> records.deadLetters(topic), timeout);
    }
}
