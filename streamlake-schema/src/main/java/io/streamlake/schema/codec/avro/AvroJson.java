package io.streamlake.schema.codec.avro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.schema.validation.TreeConformance;
import io.streamlake.schema.validation.UnknownFieldPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Converts between StreamLake's plain JSON and Avro generic records, with the same rules as validation:
 * unions as the plain branch value (no {@code {"string": …}} wrapping), enums as symbols, bytes/fixed as
 * strings of U+0000–U+00FF, decimals as JSON numbers, date/time/timestamp logical types as their numbers.
 * So {@code toJson(fromJson(schema, json))} is the same JSON (minus undeclared fields, plus defaults).
 * Stateless and thread-safe.
 */
public final class AvroJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private AvroJson() {}

    /**
     * The record for a JSON object under {@code schema}; undeclared fields are ignored, absent fields with a
     * default get it.
     *
     * @throws io.streamlake.core.domain.RejectedPayloadException naming the JSON path when it does not fit
     */
    public static GenericRecord fromJson(Schema schema, JsonNode json) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new TreeAvroWriter(new TreeConformance(UnknownFieldPolicy.IGNORE)).write(schema, json, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(schema)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #fromJson(Schema, JsonNode)} for JSON text. */
    public static GenericRecord fromJson(Schema schema, String json) {
        try {
            return fromJson(schema, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The record as compact plain JSON. */
    public static String toJson(GenericRecord record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(record.getSchema(), record, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(Schema schema, Object datum, JsonGenerator out) throws IOException {
        switch (schema.getType()) {
            case RECORD -> {
                GenericRecord record = (GenericRecord) datum;
                out.writeStartObject();
                for (Schema.Field field : schema.getFields()) {
                    out.writeFieldName(field.name());
                    write(field.schema(), record.get(field.pos()), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (Object item : (Iterable<?>) datum) {
                    write(schema.getElementType(), item, out);
                }
                out.writeEndArray();
            }
            case MAP -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) datum).entrySet()) {
                    out.writeFieldName(e.getKey().toString());
                    write(schema.getValueType(), e.getValue(), out);
                }
                out.writeEndObject();
            }
            case UNION -> write(schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)), datum, out);
            case NULL -> out.writeNull();
            case BOOLEAN -> out.writeBoolean((Boolean) datum);
            case INT -> out.writeNumber((Integer) datum);
            case LONG -> out.writeNumber((Long) datum);
            case FLOAT -> out.writeNumber((Float) datum);
            case DOUBLE -> out.writeNumber((Double) datum);
            case STRING, ENUM -> out.writeString(datum.toString());
            case BYTES -> bytes(schema, toArray((ByteBuffer) datum), out);
            case FIXED -> bytes(schema, ((GenericFixed) datum).bytes(), out);
        }
    }

    private static void bytes(Schema schema, byte[] bytes, JsonGenerator out) throws IOException {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
            out.writeNumber(new BigDecimal(new BigInteger(bytes), d.getScale()));
            return;
        }
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = (char) (bytes[i] & 0xFF);
        }
        out.writeString(new String(chars));
    }

    private static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
