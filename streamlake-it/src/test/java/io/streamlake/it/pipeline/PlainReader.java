package io.streamlake.it.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads what the pipeline wrote the way a foreign consumer would: plain Kafka headers, plain Avro with the
 * schema fetched by id over plain HTTP from the registry, Jackson for JSON. No StreamLake code on this side.
 */
final class PlainReader {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PlainReader() {}

    /** A record's headers as (name, UTF-8 value) pairs, in order. */
    static List<Map.Entry<String, String>> headers(ConsumerRecord<byte[], byte[]> record) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Header h : record.headers()) {
            out.add(Map.entry(h.key(), new String(h.value(), UTF_8)));
        }
        return out;
    }

    /** The value of the last header called {@code name}, or null. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), UTF_8);
    }

    /** The registry id of a Confluent wire-format value, after checking its magic byte. */
    static int schemaId(byte[] value) {
        assertThat(value.length).as("wire-format value length").isGreaterThan(5);
        assertThat(value[0]).as("magic byte").isZero();
        return ByteBuffer.wrap(value, 1, 4).getInt();
    }

    /** {@code GET {registryUrl}/schemas/ids/{id}}, the JSON {@code schema} field parsed by Avro. */
    static Schema schemaById(String registryUrl, int id) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as("GET /schemas/ids/%d: %s", id, answer.body())
                .isEqualTo(200);
        return new Schema.Parser()
                .parse(JSON.readTree(answer.body()).get("schema").asText());
    }

    /** Decodes a wire-format value with plain Avro and the writer schema fetched by its id; all bytes must be used. */
    static GenericRecord decodeAvro(String registryUrl, byte[] value) throws IOException, InterruptedException {
        Schema schema = schemaById(registryUrl, schemaId(value));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null);
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
        assertThat(decoder.isEnd())
                .as("the Avro record uses every byte of the value")
                .isTrue();
        return record;
    }

    /**
     * The decoded record holds the same data as the JSON it came from: every schema field equals the JSON value
     * (strings as text, numbers by value, an absent or null JSON field as null), and the JSON has no other field.
     * Enough for flat records of strings, numbers and nullable unions (the orders dataset).
     */
    static void assertSameData(GenericRecord record, JsonNode json) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object decoded = record.get(field.name());
            JsonNode given = json.get(field.name());
            if (given == null || given.isNull()) {
                assertThat(decoded).as("field %s", field.name()).isNull();
            } else if (given.isTextual()) {
                assertThat(decoded).as("field %s", field.name()).isInstanceOf(CharSequence.class);
                assertThat(decoded.toString()).as("field %s", field.name()).isEqualTo(given.textValue());
            } else if (given.isNumber()) {
                assertThat(decoded).as("field %s", field.name()).isInstanceOf(Number.class);
                assertThat(((Number) decoded).doubleValue())
                        .as("field %s", field.name())
                        .isEqualTo(given.doubleValue());
            } else {
                throw new AssertionError("field " + field.name() + ": compare " + given.getNodeType() + " values here");
            }
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(record.getSchema().getField(name))
                    .as("JSON field %s is in the record's schema", name)
                    .isNotNull();
        }
    }
}
