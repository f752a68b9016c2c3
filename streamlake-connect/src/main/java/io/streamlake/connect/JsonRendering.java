package io.streamlake.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect record value as the JSON payload StreamLake validates: {@code byte[]} and {@link ByteBuffer} as they are,
 * a {@link String} as its UTF-8 bytes, a {@link Struct} or a {@link Map} rendered as a JSON object (fields in schema
 * order; bytes as base64 text, {@link Date} as epoch milliseconds, decimals as JSON numbers). Thread-safe.
 */
final class JsonRendering {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRendering() {}

    /**
     * @return the payload bytes; an empty array for a null value (which the core dead-letters at stage parse)
     * @throws DataException for a value of another type (a primitive, a list)
     */
    static byte[] payload(Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof Struct || value instanceof Map) {
            try {
                return JSON.writeValueAsBytes(tree(value));
            } catch (JsonProcessingException e) {
                throw new DataException("cannot render the record value as JSON: " + e.getOriginalMessage(), e);
            }
        }
        throw new DataException("StreamLakeTransform takes a record value of JSON text or bytes, a Struct or a Map, "
                + "not " + value.getClass().getName());
    }

    private static Object tree(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                out.put(field.name(), tree(struct.get(field)));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), tree(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(tree(v)));
            return out;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            return Base64.getEncoder().encodeToString(payload(buffer));
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value;
    }
}
