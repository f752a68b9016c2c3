package io.streamlake.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record as {@code consume} shows it: partition, offset, timestamp, key, headers and the decoded value (Avro
 * through the registry, JSON or other UTF-8 as text, anything else as base64).
 */
public record RecordView(
        String topic,
        int partition,
        long offset,
        Instant timestamp,
        String key,
        Map<String, String> headers,
        String value,
        String valueEncoding) {

    public static RecordView of(ConsumerRecord<byte[], byte[]> record, Supplier<AvroWireDecoder> avro) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        byte[] v = record.value() == null ? new byte[0] : record.value();
        String value;
        String encoding;
        String contentType = headers.getOrDefault(HeaderNames.CONTENT_TYPE, headers.get(HeaderNames.CE_CONTENT_TYPE));
        if (HeaderNames.CONTENT_TYPE_AVRO.equals(contentType)) {
            value = avro.get().decode(v).toJson();
            encoding = "avro";
        } else {
            String text = utf8(v);
            value = text != null ? text : Base64.getEncoder().encodeToString(v);
            encoding = text != null ? "text" : "base64";
        }
        return new RecordView(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(Math.max(0, record.timestamp())),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                headers,
                value,
                encoding);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public void printTable(PrintWriter out) {
        out.printf("%s  p%d@%d  %s  key=%s%n", topic, partition, offset, timestamp, key);
        headers.forEach((k, v) -> out.printf("    %s: %s%n", k, v));
        out.printf("    value (%s): %s%n", valueEncoding, value);
    }

    public void printJson(PrintWriter out) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("topic", topic);
            g.writeNumberField("partition", partition);
            g.writeNumberField("offset", offset);
            g.writeStringField("timestamp", timestamp.toString());
            g.writeStringField("key", key);
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeStringField("value_encoding", valueEncoding);
            g.writeStringField("value", value);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
    }
}
