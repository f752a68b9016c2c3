package io.streamlake.kafka.settings;

import java.util.Arrays;
import java.util.Locale;

/** Which metadata headers the adapter writes; the value of {@code headers.style}. */
public enum HeadersStyle {
    /** {@code dataset}, {@code schema_version}, {@code ingestion_id}, {@code event_time}, {@code producer_service}, {@code content_type}. */
    STREAMLAKE,
    /**
     * CloudEvents Kafka binary mode: {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time},
     * {@code ce_specversion}, {@code ce_dataschema}, {@code content-type}; plus {@code dataset} and
     * {@code schema_version}, which StreamLake's own consumers (DLQ replay, consume) select on.
     */
    CLOUDEVENTS,
    /** Both sets. */
    BOTH;

    /** The configuration value, e.g. {@code cloudevents}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this style writes StreamLake's own headers ({@code ingestion_id}, {@code event_time}, …). */
    public boolean writesStreamLake() {
        return this != CLOUDEVENTS;
    }

    /** Whether this style writes the CloudEvents {@code ce_*} headers. */
    public boolean writesCloudEvents() {
        return this != STREAMLAKE;
    }

    static String[] names() {
        return Arrays.stream(values()).map(HeadersStyle::configValue).toArray(String[]::new);
    }

    static HeadersStyle parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
