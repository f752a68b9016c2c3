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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes an event's metadata as Kafka headers (UTF-8 values) in the order of
 * {@link HeaderNames#standardHeaders}, in the configured {@link HeadersStyle}. It runs once per event, so it
 * builds the headers directly (no intermediate map) and reuses the headers that repeat from one event to the next
 * (dataset, version, service, content type and the CloudEvents values made of them). Those {@link RecordHeader}s and
 * their value arrays are therefore shared between records; a header made from a name and a byte array is never
 * changed by the producer. Thread-safe.
 */
final class HeaderMapper {

    private static final Header SPECVERSION =
            new RecordHeader(HeaderNames.CE_SPECVERSION, HeaderNames.CE_SPECVERSION_VALUE.getBytes(UTF_8));

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
        headers.add(r.dataset);
        if (r.version != null) {
            headers.add(r.version);
        }
        if (style.writesStreamLake()) {
            headers.add(HeaderNames.INGESTION_ID, id);
            headers.add(HeaderNames.EVENT_TIME, eventTime);
            headers.add(r.service);
            if (r.contentType != null) {
                headers.add(r.contentType);
            }
            if (source != null) {
                headers.add(HeaderNames.SOURCE, utf8(source.label()));
            }
        }
        if (style.writesCloudEvents()) {
            headers.add(SPECVERSION);
            headers.add(HeaderNames.CE_ID, id);
            if (source == null) {
                headers.add(r.ceSource);
            } else {
                headers.add(HeaderNames.CE_SOURCE, utf8(source.uriReference()));
            }
            headers.add(r.ceType);
            headers.add(HeaderNames.CE_TIME, eventTime);
            if (r.ceDataschema != null) {
                headers.add(r.ceDataschema);
            }
            if (r.ceContentType != null) {
                headers.add(r.ceContentType);
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

    /** The headers that usually repeat from one event to the next. Immutable. */
    private static final class Repeated {
        private final String datasetName;
        private final SchemaVersion schemaVersion;
        private final String serviceName;
        private final String contentTypeName;
        final Header dataset;
        final Header version;
        final Header service;
        final Header contentType;
        final Header ceSource;
        final Header ceType;
        final Header ceDataschema;
        final Header ceContentType;

        Repeated(String dataset, SchemaVersion version, String service, String contentType) {
            this.datasetName = dataset;
            this.schemaVersion = version;
            this.serviceName = service;
            this.contentTypeName = contentType;
            this.dataset = dataset == null ? null : header(HeaderNames.DATASET, dataset);
            this.version = version == null ? null : header(HeaderNames.SCHEMA_VERSION, version.toString());
            this.service = header(HeaderNames.PRODUCER_SERVICE, service);
            this.contentType = contentType == null ? null : header(HeaderNames.CONTENT_TYPE, contentType);
            this.ceSource = header(HeaderNames.CE_SOURCE, "/streamlake/" + service);
            this.ceType = header(HeaderNames.CE_TYPE, "io.streamlake." + dataset);
            this.ceDataschema = version == null ? null : header(HeaderNames.CE_DATASCHEMA, dataset + "/" + version);
            this.ceContentType = contentType == null ? null : header(HeaderNames.CE_CONTENT_TYPE, contentType);
        }

        private static Header header(String name, String value) {
            return new RecordHeader(name, utf8(value));
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
