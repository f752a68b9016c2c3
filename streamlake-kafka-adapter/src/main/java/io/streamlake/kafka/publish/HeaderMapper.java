package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterHeaders;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.Timestamps;
import io.streamlake.kafka.settings.HeadersStyle;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes an event's metadata as Kafka headers (UTF-8 values) in the order of
 * {@link HeaderNames#standardHeaders}, in the configured {@link HeadersStyle}. It runs once per event, so it
 * builds the headers directly (no intermediate map) and reuses the encoded values that repeat from one event
 * to the next (dataset, version, service, content type and the CloudEvents values made of them). Header value
 * arrays may therefore be shared between records; nothing in the producer writes to them. Thread-safe.
 */
final class HeaderMapper {

    private static final byte[] SPECVERSION = HeaderNames.CE_SPECVERSION_VALUE.getBytes(UTF_8);

    private final HeadersStyle style;
    private volatile Repeated last = new Repeated(null, null, "", null);

    HeaderMapper(HeadersStyle style) {
        this.style = style;
    }

    /**
     * The headers of a RAW record. When the metadata has a source (only with {@code headers.source=true}), the
     * StreamLake style writes it as {@code source} ({@code <file>:<line>}, after {@code content_type}) and the
     * CloudEvents style as {@code ce_source} ({@link EventSource#uriReference}) instead of
     * {@code /streamlake/<service>}.
     */
    Headers forEvent(EventMetadata metadata, String contentType) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, metadata, contentType, metadata.source().orElse(null));
        return headers;
    }

    /**
     * The headers of a DLQ record: the original event's headers in the configured style (without a content type: a
     * dead letter's value is the DLQ JSON, and the original content type is not known for every stage), then
     * {@link DeadLetterHeaders#failureHeaders}. Its source is written there ({@code dlq_source_file},
     * {@code dlq_source_line}) and never as {@code source} or {@code ce_source}, as {@link DeadLetterHeaders} says.
     */
    Headers forDeadLetter(DeadLetter deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, deadLetter.metadata(), null, null);
        DeadLetterHeaders.failureHeaders(deadLetter).forEach((name, value) -> headers.add(name, utf8(value)));
        return headers;
    }

    private void add(RecordHeaders headers, EventMetadata m, String contentType, EventSource source) {
        Repeated r = repeated(m, contentType);
        byte[] eventTime = Timestamps.formatAscii(m.eventTime());
        byte[] id = utf8(m.ingestionId());
        headers.add(HeaderNames.DATASET, r.dataset);
        if (r.version != null) {
            headers.add(HeaderNames.SCHEMA_VERSION, r.version);
        }
        if (style.writesStreamLake()) {
            headers.add(HeaderNames.INGESTION_ID, id);
            headers.add(HeaderNames.EVENT_TIME, eventTime);
            headers.add(HeaderNames.PRODUCER_SERVICE, r.service);
            if (r.contentType != null) {
                headers.add(HeaderNames.CONTENT_TYPE, r.contentType);
            }
            if (source != null) {
                headers.add(HeaderNames.SOURCE, utf8(source.label()));
            }
        }
        if (style.writesCloudEvents()) {
            headers.add(HeaderNames.CE_SPECVERSION, SPECVERSION);
            headers.add(HeaderNames.CE_ID, id);
            headers.add(HeaderNames.CE_SOURCE, source == null ? r.ceSource : utf8(source.uriReference()));
            headers.add(HeaderNames.CE_TYPE, r.ceType);
            headers.add(HeaderNames.CE_TIME, eventTime);
            if (r.ceDataschema != null) {
                headers.add(HeaderNames.CE_DATASCHEMA, r.ceDataschema);
            }
            if (r.contentType != null) {
                headers.add(HeaderNames.CE_CONTENT_TYPE, r.contentType);
            }
        }
        if (!m.attributes().isEmpty()) {
            for (Map.Entry<String, String> attribute : m.attributes().entrySet()) {
                headers.add(attribute.getKey(), utf8(attribute.getValue()));
            }
        }
    }

    private Repeated repeated(EventMetadata m, String contentType) {
        SchemaVersion version = m.schemaVersion().orElse(null);
        Repeated r = last;
        if (!r.matches(m.dataset().value(), version, m.producerService(), contentType)) {
            r = new Repeated(m.dataset().value(), version, m.producerService(), contentType);
            last = r;
        }
        return r;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(UTF_8);
    }

    /** The encoded header values that usually repeat from one event to the next. Immutable. */
    private static final class Repeated {
        private final String datasetName;
        private final SchemaVersion schemaVersion;
        private final String serviceName;
        private final String contentTypeName;
        final byte[] dataset;
        final byte[] version;
        final byte[] service;
        final byte[] contentType;
        final byte[] ceSource;
        final byte[] ceType;
        final byte[] ceDataschema;

        Repeated(String dataset, SchemaVersion version, String service, String contentType) {
            this.datasetName = dataset;
            this.schemaVersion = version;
            this.serviceName = service;
            this.contentTypeName = contentType;
            this.dataset = dataset == null ? null : utf8(dataset);
            this.version = version == null ? null : utf8(version.toString());
            this.service = utf8(service);
            this.contentType = contentType == null ? null : utf8(contentType);
            this.ceSource = utf8("/streamlake/" + service);
            this.ceType = utf8("io.streamlake." + dataset);
            this.ceDataschema = version == null ? null : utf8(dataset + "/" + version);
        }

        /** Usually the very same instances as last time, so identity is tried before equality. */
        boolean matches(String dataset, SchemaVersion version, String service, String contentType) {
            return (dataset == datasetName || dataset.equals(datasetName))
                    && (version == schemaVersion || Objects.equals(version, schemaVersion))
                    && (service == serviceName || service.equals(serviceName))
                    && (contentType == contentTypeName || Objects.equals(contentType, contentTypeName));
        }
    }
}
