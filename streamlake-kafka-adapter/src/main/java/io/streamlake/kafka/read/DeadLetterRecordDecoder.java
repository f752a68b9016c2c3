package io.streamlake.kafka.read;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a DLQ record back into a {@link RecordedDeadLetter}: {@link DeadLetterValue#decode} reads the value (the
 * payload byte for byte, the reason, the stage, the source file and line); the headers give the original metadata,
 * and fill in what the value lacks; the record gives the key, the topic and the position. A value that is not DLQ JSON is kept whole as a
 * truncated (not replayable) dead letter, so it is shown but never replayed. Thread-safe (stateless).
 */
final class DeadLetterRecordDecoder {

    private static final String CE_SOURCE_PREFIX = "/streamlake/";

    /** Decodes one DLQ record. Never throws for bad data. */
    public RecordedDeadLetter decode(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = headers(record);
        String position = record.topic() + "/" + record.partition() + "@" + record.offset();
        byte[] raw = record.value() == null ? new byte[0] : record.value();
        String key = record.key() == null ? null : new String(record.key(), UTF_8);
        Instant recordTime = Instant.ofEpochMilli(Math.max(0, record.timestamp()));
        Optional<DeadLetterValue> decoded = DeadLetterValue.decode(raw);
        if (decoded.isEmpty()) {
            DeadLetter letter = new DeadLetter(
                    key,
                    raw,
                    metadata(headers, null, record.topic(), recordTime),
                    DlqStage.PARSE,
                    "the DLQ record's value is not StreamLake's dead-letter JSON",
                    "UndecodableDeadLetter",
                    recordTime,
                    orElse(headers.get(HeaderNames.DLQ_ORIGINAL_TOPIC), record.topic()),
                    record.topic());
            return new RecordedDeadLetter(letter, true, position);
        }
        DeadLetterValue value = decoded.get();
        DlqStage stage = value.stage() != null
                ? value.stage()
                : parsed(headers.get(HeaderNames.DLQ_STAGE), DlqStage::fromWireName, DlqStage.VALIDATE);
        Instant failedAt = value.failedAt() != null
                ? value.failedAt()
                : parsed(headers.get(HeaderNames.DLQ_FAILED_AT), Timestamps::parse, recordTime);
        DeadLetter letter = new DeadLetter(
                key != null ? key : value.key(),
                value.payload(),
                metadata(headers, value, record.topic(), recordTime),
                stage,
                orElse(value.errorReason(), orElse(headers.get(HeaderNames.DLQ_REASON), "no reason recorded")),
                orElse(value.errorClass(), orElse(headers.get(HeaderNames.DLQ_ERROR_CLASS), "Unknown")),
                failedAt,
                orElse(value.originalTopic(), orElse(headers.get(HeaderNames.DLQ_ORIGINAL_TOPIC), record.topic())),
                record.topic(),
                blankToNull(headers.get(HeaderNames.DLQ_RULE)));
        return new RecordedDeadLetter(letter, value.payloadTruncated(), position);
    }

    /** The original metadata: from the headers first, then from the value ({@code value} may be null). */
    private static EventMetadata metadata(
            Map<String, String> headers, DeadLetterValue value, String topic, Instant fallbackTime) {
        DatasetName fromValueOrTopic = value != null && value.dataset() != null
                ? value.dataset()
                : parsed(datasetOf(topic), DatasetName::of, DatasetName.of("unknown"));
        DatasetName dataset = parsed(headers.get(HeaderNames.DATASET), DatasetName::of, fromValueOrTopic);
        SchemaVersion version = parsed(
                headers.get(HeaderNames.SCHEMA_VERSION),
                SchemaVersion::parse,
                value == null ? null : value.schemaVersion());
        String id = orElse(
                headers.get(HeaderNames.INGESTION_ID),
                orElse(
                        headers.get(HeaderNames.CE_ID),
                        orElse(value == null ? null : value.ingestionId(), topic + "-unknown-id")));
        String time = orElse(headers.get(HeaderNames.EVENT_TIME), headers.get(HeaderNames.CE_TIME));
        String service = headers.get(HeaderNames.PRODUCER_SERVICE);
        String source = headers.get(HeaderNames.CE_SOURCE);
        if (service == null && source != null) {
            service = source.startsWith(CE_SOURCE_PREFIX) ? source.substring(CE_SOURCE_PREFIX.length()) : source;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        headers.forEach((name, v) -> {
            if (!HeaderNames.isReserved(name)) {
                attributes.put(name, v);
            }
        });
        return new EventMetadata(
                dataset,
                Optional.ofNullable(version),
                id,
                parsed(time, Timestamps::parse, fallbackTime),
                orElse(service, HeaderNames.DEFAULT_PRODUCER_SERVICE),
                attributes,
                Optional.ofNullable(value != null && value.source() != null ? value.source() : source(headers)));
    }

    /** The file and line from {@code dlq_source_file} and {@code dlq_source_line}; null when either is unusable. */
    private static EventSource source(Map<String, String> headers) {
        String file = headers.get(HeaderNames.DLQ_SOURCE_FILE);
        Long line = parsed(headers.get(HeaderNames.DLQ_SOURCE_LINE), Long::valueOf, null);
        return file == null || file.isEmpty() || line == null || line < 1 ? null : new EventSource(file, line);
    }

    private static String datasetOf(String dlqTopic) {
        String[] parts = dlqTopic.split("\\.");
        return parts.length >= 3 ? parts[parts.length - 2] : dlqTopic;
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            out.put(header.key(), header.value() == null ? "" : new String(header.value(), UTF_8));
        }
        return out;
    }

    /** {@code text} parsed, or {@code fallback} when it is empty or does not parse. */
    private static <T> T parsed(String text, Function<String, T> parser, T fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            return fallback;
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return orElse(value, null);
    }
}
