package io.streamlake.runtime.transport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterHeaders;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes records as JSON lines: {@code {"topic":…,"key":…,"headers":{…},"value":…}}. A JSON value is embedded as
 * JSON; any other (Avro) as {@code "value_base64"}. RAW records carry {@link HeaderNames#standardHeaders} (with
 * {@code source} when {@code headers.source} is on and the event was read from a file); dead letters carry the
 * {@link DeadLetterHeaders} (with {@code dlq_source_file} and {@code dlq_source_line}) and the DLQ JSON value. Every record is "acknowledged" on partition 0 with a per-topic offset. Thread-safe: one line per call.
 */
final class StdoutRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintWriter out;
    private final int deadLetterPayloadLimit;
    private final Map<String, AtomicLong> offsets = new ConcurrentHashMap<>();

    StdoutRecords(PrintWriter out, int deadLetterPayloadLimit) {
        this.out = out;
        this.deadLetterPayloadLimit = deadLetterPayloadLimit;
    }

    EventPublisher publisher() {
        return new EventPublisher() {
            @Override
            public CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
                Map<String, String> headers = HeaderNames.standardHeaders(
                        event.metadata(), event.value().contentType());
                boolean json =
                        HeaderNames.CONTENT_TYPE_JSON.equals(event.value().contentType());
                return CompletableFuture.completedFuture(
                        write(event.topic(), event.key(), headers, event.value().bytes(), json));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    DeadLetterPort deadLetterPort() {
        return new DeadLetterPort() {
            @Override
            public CompletableFuture<PublishReceipt> deadLetter(DeadLetter dl) {
                Map<String, String> headers = DeadLetterHeaders.of(dl);
                byte[] value = DeadLetterValue.encode(dl, deadLetterPayloadLimit);
                return CompletableFuture.completedFuture(write(dl.deadLetterTopic(), dl.key(), headers, value, true));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    private PublishReceipt write(String topic, String key, Map<String, String> headers, byte[] value, boolean json) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("topic", topic);
            g.writeStringField("key", key);
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            if (json) {
                g.writeFieldName("value");
                // raw CR/LF never occur inside JSON strings, so this keeps the record on one line and the value intact
                g.writeRawValue(new String(value, StandardCharsets.UTF_8)
                        .strip()
                        .replace('\r', ' ')
                        .replace('\n', ' '));
            } else {
                g.writeStringField("value_base64", Base64.getEncoder().encodeToString(value));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
        long offset = offsets.computeIfAbsent(topic, t -> new AtomicLong()).getAndIncrement();
        return new PublishReceipt(topic, 0, offset, Instant.now());
    }
}
