package io.streamlake.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.Timestamps;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes an event's metadata as Kafka headers (UTF-8 values) in the order of
 * {@link HeaderNames#standardHeaders}, in the configured {@link HeadersStyle}. It builds the headers
 * directly, without the intermediate map, because it runs once per event. Thread-safe (stateless).
 */
final class HeaderMapper {

    private static final byte[] SPECVERSION = HeaderNames.CE_SPECVERSION_VALUE.getBytes(UTF_8);
    private static final String SOURCE_PREFIX = "/streamlake/";
    private static final String TYPE_PREFIX = "io.streamlake.";

    private final HeadersStyle style;

    HeaderMapper(HeadersStyle style) {
        this.style = style;
    }

    /** The headers of a RAW record. */
    Headers forEvent(EventMetadata metadata, String contentType) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, metadata, contentType);
        return headers;
    }

    /**
     * The headers of a DLQ record: the original event's headers (without a content type: a dead letter's value
     * is the DLQ JSON, and the original content type is not known for every stage) and the {@code dlq_*} headers.
     */
    Headers forDeadLetter(DeadLetter deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, deadLetter.metadata(), null);
        headers.add(HeaderNames.DLQ_REASON, utf8(deadLetter.reason()));
        headers.add(HeaderNames.DLQ_ERROR_CLASS, utf8(deadLetter.errorClass()));
        headers.add(HeaderNames.DLQ_STAGE, utf8(deadLetter.stage().wireName()));
        headers.add(HeaderNames.DLQ_FAILED_AT, utf8(Timestamps.format(deadLetter.failedAt())));
        headers.add(HeaderNames.DLQ_ORIGINAL_TOPIC, utf8(deadLetter.originalTopic()));
        return headers;
    }

    private void add(RecordHeaders headers, EventMetadata m, String contentType) {
        String dataset = m.dataset().value();
        SchemaVersion version = m.schemaVersion().orElse(null);
        String eventTime = Timestamps.format(m.eventTime());
        headers.add(HeaderNames.DATASET, utf8(dataset));
        if (version != null) {
            headers.add(HeaderNames.SCHEMA_VERSION, utf8(version.toString()));
        }
        if (style.writesStreamLake()) {
            headers.add(HeaderNames.INGESTION_ID, utf8(m.ingestionId()));
            headers.add(HeaderNames.EVENT_TIME, utf8(eventTime));
            headers.add(HeaderNames.PRODUCER_SERVICE, utf8(m.producerService()));
            if (contentType != null) {
                headers.add(HeaderNames.CONTENT_TYPE, utf8(contentType));
            }
        }
        if (style.writesCloudEvents()) {
            headers.add(HeaderNames.CE_SPECVERSION, SPECVERSION);
            headers.add(HeaderNames.CE_ID, utf8(m.ingestionId()));
            headers.add(HeaderNames.CE_SOURCE, utf8(SOURCE_PREFIX + m.producerService()));
            headers.add(HeaderNames.CE_TYPE, utf8(TYPE_PREFIX + dataset));
            headers.add(HeaderNames.CE_TIME, utf8(eventTime));
            if (version != null) {
                headers.add(HeaderNames.CE_DATASCHEMA, utf8(dataset + "/" + version));
            }
            if (contentType != null) {
                headers.add(HeaderNames.CE_CONTENT_TYPE, utf8(contentType));
            }
        }
        for (Map.Entry<String, String> attribute : m.attributes().entrySet()) {
            headers.add(attribute.getKey(), utf8(attribute.getValue()));
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(UTF_8);
    }
}
