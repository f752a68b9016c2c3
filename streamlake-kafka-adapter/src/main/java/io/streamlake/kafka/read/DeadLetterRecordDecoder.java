package io.streamlake.kafka.read;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a DLQ record back into a {@link RecordedDeadLetter}: the DLQ JSON value ({@link DeadLetterValue}'s
 * fields) gives the payload byte for byte ({@code json} kept as its exact text, {@code text}, {@code base64}),
 * the reason and the stage; the headers give the original metadata. A value that is not DLQ JSON is kept whole
 * as a truncated (not replayable) dead letter, so it is shown but never replayed. Thread-safe (stateless).
 */
public final class DeadLetterRecordDecoder {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String CE_SOURCE_PREFIX = "/streamlake/";

    /** Decodes one DLQ record. Never throws for bad data. */
    public RecordedDeadLetter decode(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = headers(record);
        String position = record.topic() + "/" + record.partition() + "@" + record.offset();
        Map<String, Object> fields;
        try {
            fields = fields(record.value() == null ? new byte[0] : record.value());
        } catch (IOException | RuntimeException e) {
            fields = null;
        }
        String key = record.key() == null ? null : new String(record.key(), UTF_8);
        Instant recordTime = Instant.ofEpochMilli(Math.max(0, record.timestamp()));
        if (fields == null || !fields.containsKey(DeadLetterValue.PAYLOAD_ENCODING)) {
            byte[] raw = record.value() == null ? new byte[0] : record.value();
            DeadLetter letter = new DeadLetter(key, raw, metadata(headers, Map.of(), record.topic(), recordTime), DlqStage.PARSE,
                    "the DLQ record's value is not StreamLake's dead-letter JSON", "UndecodableDeadLetter", recordTime,
                    headers.getOrDefault(HeaderNames.DLQ_ORIGINAL_TOPIC, record.topic()), record.topic());
            return new RecordedDeadLetter(letter, true, position);
        }
        byte[] payload = (byte[]) fields.get(DeadLetterValue.PAYLOAD);
        boolean truncated = Boolean.TRUE.equals(fields.get(DeadLetterValue.PAYLOAD_TRUNCATED));
        String stage = text(fields, DeadLetterValue.STAGE, headers.get(HeaderNames.DLQ_STAGE));
        String failedAt = text(fields, DeadLetterValue.FAILED_AT, headers.get(HeaderNames.DLQ_FAILED_AT));
        DeadLetter letter = new DeadLetter(
                key != null ? key : (String) fields.get(DeadLetterValue.KEY),
                payload == null ? new byte[0] : payload,
                metadata(headers, fields, record.topic(), recordTime),
                stage == null ? DlqStage.VALIDATE : DlqStage.fromWireName(stage),
                orElse(text(fields, DeadLetterValue.ERROR_REASON, headers.get(HeaderNames.DLQ_REASON)), "no reason recorded"),
                orElse(text(fields, DeadLetterValue.ERROR_CLASS, headers.get(HeaderNames.DLQ_ERROR_CLASS)), "Unknown"),
                failedAt == null ? recordTime : Timestamps.parse(failedAt),
                orElse(text(fields, DeadLetterValue.ORIGINAL_TOPIC, headers.get(HeaderNames.DLQ_ORIGINAL_TOPIC)), record.topic()),
                record.topic());
        return new RecordedDeadLetter(letter, truncated, position);
    }

    private static EventMetadata metadata(Map<String, String> headers, Map<String, Object> fields, String topic, Instant fallbackTime) {
        String dataset = orElse(headers.get(HeaderNames.DATASET), text(fields, DeadLetterValue.DATASET, datasetOf(topic)));
        String version = orElse(headers.get(HeaderNames.SCHEMA_VERSION), (String) fields.get(DeadLetterValue.SCHEMA_VERSION));
        String id = orElse(headers.get(HeaderNames.INGESTION_ID),
                orElse(headers.get(HeaderNames.CE_ID), orElse((String) fields.get(DeadLetterValue.INGESTION_ID), topic + "-unknown-id")));
        String time = orElse(headers.get(HeaderNames.EVENT_TIME), headers.get(HeaderNames.CE_TIME));
        String service = headers.get(HeaderNames.PRODUCER_SERVICE);
        String source = headers.get(HeaderNames.CE_SOURCE);
        if (service == null && source != null) {
            service = source.startsWith(CE_SOURCE_PREFIX) ? source.substring(CE_SOURCE_PREFIX.length()) : source;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!HeaderNames.isReserved(name)) {
                attributes.put(name, value);
            }
        });
        return new EventMetadata(DatasetName.of(dataset),
                Optional.ofNullable(version).map(SchemaVersion::parse),
                id, time == null ? fallbackTime : Timestamps.parse(time),
                orElse(service, HeaderNames.DEFAULT_PRODUCER_SERVICE), attributes);
    }

    private static String datasetOf(String dlqTopic) {
        String[] parts = dlqTopic.split("\\.");
        return parts.length >= 3 ? parts[parts.length - 2] : dlqTopic;
    }

    /** The value's fields; {@code payload} as the original bytes, after its encoding is known. */
    private static Map<String, Object> fields(byte[] value) throws IOException {
        Map<String, Object> out = new HashMap<>();
        byte[] jsonPayload = null;
        String textPayload = null;
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals(DeadLetterValue.PAYLOAD)) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    if (token.isStructStart()) {
                        parser.skipChildren();
                    }
                    if (token == JsonToken.VALUE_STRING) {
                        textPayload = parser.getText();
                    }
                    int end = (int) parser.currentLocation().getByteOffset();
                    jsonPayload = Arrays.copyOfRange(value, start, end);
                } else if (token == JsonToken.VALUE_STRING) {
                    out.put(name, parser.getText());
                } else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    out.put(name, parser.getBooleanValue());
                } else if (token.isStructStart()) {
                    parser.skipChildren();
                }
            }
        }
        Object encoding = out.get(DeadLetterValue.PAYLOAD_ENCODING);
        if (DeadLetterValue.ENCODING_JSON.equals(encoding)) {
            out.put(DeadLetterValue.PAYLOAD, jsonPayload);
        } else if (DeadLetterValue.ENCODING_TEXT.equals(encoding) && textPayload != null) {
            out.put(DeadLetterValue.PAYLOAD, textPayload.getBytes(UTF_8));
        } else if (DeadLetterValue.ENCODING_BASE64.equals(encoding) && textPayload != null) {
            out.put(DeadLetterValue.PAYLOAD, Base64.getDecoder().decode(textPayload));
        }
        return out;
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            out.put(header.key(), header.value() == null ? "" : new String(header.value(), UTF_8));
        }
        return out;
    }

    private static String text(Map<String, Object> fields, String name, String fallback) {
        Object value = fields.get(name);
        return value instanceof String s ? s : fallback;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
