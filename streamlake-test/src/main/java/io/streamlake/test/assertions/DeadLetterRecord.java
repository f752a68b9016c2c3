package io.streamlake.test.assertions;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A record of a dataset's DLQ topic, read with the Kafka adapter's dead-letter decoder.
 *
 * @param value            the DLQ record's value as written (StreamLake's dead-letter JSON)
 * @param headers          every header as UTF-8 text: the event's original ones and the {@code dlq_*} ones
 * @param payload          the original payload, byte for byte as the event carried it
 * @param stage            where the event failed ({@code dlq_stage}): {@code parse}, {@code validate},
 *                         {@code serialize} or {@code publish}
 * @param reason           why, readable by a person ({@code dlq_reason})
 * @param errorClass       the kind of error ({@code dlq_error_class}), e.g. {@code SchemaViolation}
 * @param originalTopic    the RAW topic the event was meant for
 * @param payloadTruncated whether the DLQ kept only the start of the payload, or the value was not dead-letter JSON
 */
public record DeadLetterRecord(
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        Map<String, String> headers,
        byte[] payload,
        String stage,
        String reason,
        String errorClass,
        String originalTopic,
        boolean payloadTruncated)
        implements DatasetRecord {

    public DeadLetterRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        headers = Map.copyOf(headers);
        payload = payload.clone();
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    /** The original payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return position() + " key=" + key + " stage=" + stage + " reason=" + reason + " payload=" + payloadText()
                + " headers=" + headers;
    }
}
