package io.streamlake.core.domain;

import java.util.Objects;

/**
 * How the ingestion use case behaves. Plain values: the configuration layer builds this record, the core
 * never sees a configuration library.
 *
 * @param topics                 how topic names are made
 * @param keyRequired            when true (the default), an event without a key is dead-lettered at stage
 *                               {@code validate}; keys decide partitions and so per-key order
 * @param producerService        written to the {@code producer_service} header
 * @param maxInFlight            how many events of a stream may await acknowledgement at once
 * @param deadLetterPayloadLimit how many payload bytes a dead letter keeps at most; every transport passes it to
 *                               {@code DeadLetterValue.encode}
 * @param prepareThreads         how many threads of a stream parse, validate and serialize events while the
 *                               reading thread reads on; events still reach the transport in input order. 0 does
 *                               everything on the reading thread
 * @param sourceOnRaw            when true, a RAW record carries its event's source (file and line) in its metadata,
 *                               so transports write it ({@code source}, {@code ce_source}); dead letters always do
 */
public record IngestionSettings(
        TopicNaming topics,
        boolean keyRequired,
        String producerService,
        int maxInFlight,
        int deadLetterPayloadLimit,
        int prepareThreads,
        boolean sourceOnRaw) {

    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
    public static final int DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT = 256 * 1024;
    /**
     * The reading thread prepares and sends: handing each event to a worker costs CPU (measured about 0.6 µs of
     * 5-6 per event on a 2-core host, docs/performance.md) and pays only with idle cores and 2 or more workers.
     */
    public static final int DEFAULT_PREPARE_THREADS = 0;

    public IngestionSettings {
        Objects.requireNonNull(topics, "topics");
        if (producerService == null || producerService.isBlank()) {
            throw new IllegalArgumentException("producer service must not be blank");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be at least 1, got " + maxInFlight);
        }
        if (deadLetterPayloadLimit < 1) {
            throw new IllegalArgumentException(
                    "dead-letter payload limit must be at least 1, got " + deadLetterPayloadLimit);
        }
        if (prepareThreads < 0) {
            throw new IllegalArgumentException("prepare threads must not be negative, got " + prepareThreads);
        }
    }

    /** Without the source on RAW records. */
    public IngestionSettings(
            TopicNaming topics,
            boolean keyRequired,
            String producerService,
            int maxInFlight,
            int deadLetterPayloadLimit,
            int prepareThreads) {
        this(topics, keyRequired, producerService, maxInFlight, deadLetterPayloadLimit, prepareThreads, false);
    }

    /** With {@link #DEFAULT_PREPARE_THREADS}. */
    public IngestionSettings(
            TopicNaming topics,
            boolean keyRequired,
            String producerService,
            int maxInFlight,
            int deadLetterPayloadLimit) {
        this(topics, keyRequired, producerService, maxInFlight, deadLetterPayloadLimit, DEFAULT_PREPARE_THREADS);
    }

    /** Prefix {@code streamlake}, keys required, service {@code streamlake-producer}, prepared on the reading thread. */
    public static IngestionSettings defaults() {
        return new IngestionSettings(
                TopicNaming.defaults(),
                true,
                HeaderNames.DEFAULT_PRODUCER_SERVICE,
                DEFAULT_MAX_IN_FLIGHT,
                DEFAULT_DEAD_LETTER_PAYLOAD_LIMIT);
    }

    public IngestionSettings withTopics(TopicNaming t) {
        return new IngestionSettings(
                t, keyRequired, producerService, maxInFlight, deadLetterPayloadLimit, prepareThreads, sourceOnRaw);
    }

    public IngestionSettings withKeyRequired(boolean required) {
        return new IngestionSettings(
                topics, required, producerService, maxInFlight, deadLetterPayloadLimit, prepareThreads, sourceOnRaw);
    }

    public IngestionSettings withProducerService(String service) {
        return new IngestionSettings(
                topics, keyRequired, service, maxInFlight, deadLetterPayloadLimit, prepareThreads, sourceOnRaw);
    }

    public IngestionSettings withMaxInFlight(int n) {
        return new IngestionSettings(
                topics, keyRequired, producerService, n, deadLetterPayloadLimit, prepareThreads, sourceOnRaw);
    }

    public IngestionSettings withDeadLetterPayloadLimit(int bytes) {
        return new IngestionSettings(
                topics, keyRequired, producerService, maxInFlight, bytes, prepareThreads, sourceOnRaw);
    }

    public IngestionSettings withPrepareThreads(int n) {
        return new IngestionSettings(
                topics, keyRequired, producerService, maxInFlight, deadLetterPayloadLimit, n, sourceOnRaw);
    }

    public IngestionSettings withSourceOnRaw(boolean on) {
        return new IngestionSettings(
                topics, keyRequired, producerService, maxInFlight, deadLetterPayloadLimit, prepareThreads, on);
    }
}
