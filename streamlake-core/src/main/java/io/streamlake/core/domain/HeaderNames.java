package io.streamlake.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka header names StreamLake writes, declared once. Header values are UTF-8 text. These names are
 * public API: consumers select and de-duplicate on them.
 */
public final class HeaderNames {

    /** Dataset name, e.g. {@code orders}. */
    public static final String DATASET = "dataset";
    /**
     * Catalog version the payload was validated against, e.g. {@code v1}; on a dead letter, the version asked for or
     * the one it failed to match, when known.
     */
    public static final String SCHEMA_VERSION = "schema_version";
    /** A fresh UUID per event; consumers de-duplicate on it. */
    public static final String INGESTION_ID = "ingestion_id";
    /** When the event was created, ISO-8601 UTC. */
    public static final String EVENT_TIME = "event_time";
    /** The publishing service's name. */
    public static final String PRODUCER_SERVICE = "producer_service";
    /** {@value #CONTENT_TYPE_JSON} or {@value #CONTENT_TYPE_AVRO}. */
    public static final String CONTENT_TYPE = "content_type";

    /**
     * Where the event was read from, {@code <file>:<line>} ({@link EventSource#label}); on RAW records only when
     * {@code headers.source=true}.
     */
    public static final String SOURCE = "source";

    /** Why the event was dead-lettered. */
    public static final String DLQ_REASON = "dlq_reason";
    /** The kind of error that dead-lettered it. */
    public static final String DLQ_ERROR_CLASS = "dlq_error_class";
    /** {@code parse}, {@code validate}, {@code rule}, {@code serialize} or {@code publish}. */
    public static final String DLQ_STAGE = "dlq_stage";
    /** When it was dead-lettered, ISO-8601 UTC. */
    public static final String DLQ_FAILED_AT = "dlq_failed_at";
    /** The RAW topic it was meant for. */
    public static final String DLQ_ORIGINAL_TOPIC = "dlq_original_topic";

    /**
     * The name of the data-contract rule that dead-lettered the event (stage {@code rule}), as written in its schema
     * version's rules file.
     */
    public static final String DLQ_RULE = "dlq_rule";

    /** The file the dead letter's event was read from, when it came from a file. */
    public static final String DLQ_SOURCE_FILE = "dlq_source_file";
    /** The 1-based line of that file, when it came from a file. */
    public static final String DLQ_SOURCE_LINE = "dlq_source_line";

    /** CloudEvents binary mode (Kafka protocol binding): the event id. */
    public static final String CE_ID = "ce_id";
    /**
     * CloudEvents: the source as a URI reference: {@code /streamlake/<producer service>}, or the event's file and
     * line ({@link EventSource#uriReference}) when its RAW record carries its source.
     */
    public static final String CE_SOURCE = "ce_source";
    /** CloudEvents: the type, {@code io.streamlake.<dataset>}. */
    public static final String CE_TYPE = "ce_type";
    /** CloudEvents: the event time, RFC 3339. */
    public static final String CE_TIME = "ce_time";
    /** CloudEvents: the spec version, {@value #CE_SPECVERSION_VALUE}. */
    public static final String CE_SPECVERSION = "ce_specversion";
    /** CloudEvents: the schema the payload adheres to, {@code <dataset>/<version>}. */
    public static final String CE_DATASCHEMA = "ce_dataschema";
    /** CloudEvents binary mode carries the content type in the standard {@code content-type} header. */
    public static final String CE_CONTENT_TYPE = "content-type";

    public static final String CE_SPECVERSION_VALUE = "1.0";

    public static final String CONTENT_TYPE_JSON = "application/json";
    public static final String CONTENT_TYPE_AVRO = "application/avro";

    /** The producer service name used when none is configured. */
    public static final String DEFAULT_PRODUCER_SERVICE = "streamlake-producer";

    private static final Set<String> RESERVED = Set.of(
            DATASET, SCHEMA_VERSION, INGESTION_ID, EVENT_TIME, PRODUCER_SERVICE, CONTENT_TYPE, SOURCE, CE_CONTENT_TYPE);

    private HeaderNames() {}

    /** True for names StreamLake writes itself, which callers may not set as attributes. */
    public static boolean isReserved(String name) {
        return RESERVED.contains(name) || name.startsWith("dlq_") || name.startsWith("ce_");
    }

    /**
     * The StreamLake headers of an event, in a stable order: {@code dataset}, {@code schema_version} (when
     * known), {@code ingestion_id}, {@code event_time}, {@code producer_service}, {@code content_type} (when
     * known), {@code source} (when the metadata has one), then the caller's attributes.
     */
    public static Map<String, String> standardHeaders(EventMetadata metadata, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DATASET, metadata.dataset().value());
        metadata.schemaVersion().ifPresent(v -> headers.put(SCHEMA_VERSION, v.toString()));
        headers.put(INGESTION_ID, metadata.ingestionId());
        headers.put(EVENT_TIME, Timestamps.format(metadata.eventTime()));
        headers.put(PRODUCER_SERVICE, metadata.producerService());
        if (contentType != null) {
            headers.put(CONTENT_TYPE, contentType);
        }
        metadata.source().ifPresent(s -> headers.put(SOURCE, s.label()));
        headers.putAll(metadata.attributes());
        return headers;
    }

    /**
     * Checks caller-supplied attributes: non-empty names that are not reserved, non-null values.
     *
     * @return an immutable copy
     * @throws IllegalArgumentException naming the offending attribute
     */
    public static Map<String, String> checkAttributes(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("attribute names must not be empty");
            }
            if (isReserved(e.getKey())) {
                throw new IllegalArgumentException("attribute '" + e.getKey() + "' is a reserved header name");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("attribute '" + e.getKey() + "' has no value");
            }
        }
        return Map.copyOf(attributes);
    }
}
