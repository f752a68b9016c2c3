package io.streamlake.test.assertions;

import java.util.Map;
import java.util.Objects;

/**
 * A record of a dataset's RAW topic.
 *
 * @param value   the value as text: the JSON as written, or, for Avro in the Confluent wire format, the record
 *                decoded with its writer schema from the registry and shown as JSON
 * @param headers every header as UTF-8 text ({@code dataset}, {@code schema_version}, {@code ingestion_id}, …)
 */
public record RawRecord(String topic, int partition, long offset, String key, String value, Map<String, String> headers)
        implements DatasetRecord {

    public RawRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return position() + " key=" + key + " value=" + value + " headers=" + headers;
    }
}
