package io.streamlake.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.test.RegistryEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/**
 * The Avro codec against the real registry: the bytes are Confluent wire format, and plain Avro decodes them
 * with the schema fetched by id over plain HTTP (no StreamLake code on the reading side).
 */
@StreamLakeIntegrationTest
class ApicurioAvroCodecTest {

    @Test
    void givenOrder_whenSerializedAsAvro_thenPlainAvroDecodesItWithTheSchemaFetchedById(RegistryEndpoint registry)
            throws Exception {
        String prefix = registry.uniqueSubject("codec").replace('-', '_');
        SchemaModule module = SchemaModuleFactory.create(
                new SchemaConfig(Map.of(
                        SchemaConfig.SERIALIZATION_CONFIG, "avro", SchemaConfig.REGISTRY_URL_CONFIG, registry.url())),
                new TopicNaming(prefix));
        module.verifyRegistryReachable();
        module.prepare(DatasetName.of("orders"), Optional.empty());

        byte[] json =
                "{\"order_id\": \"o-42\", \"amount\": 19.99, \"currency\": \"EUR\"}".getBytes(StandardCharsets.UTF_8);
        Payload payload = ((ParseOutcome.Parsed) module.parser().parse(json)).payload();
        ValidationOutcome.Valid valid = (ValidationOutcome.Valid)
                module.validator().validate(DatasetName.of("orders"), Optional.empty(), payload);
        EventMetadata metadata = new EventMetadata(
                DatasetName.of("orders"), Optional.of(valid.version()), "i-1", Instant.now(), "it", Map.of());
        SerializedPayload out = module.serializer().serialize(new Envelope("o-42", payload, metadata));

        assertThat(out.contentType()).isEqualTo(HeaderNames.CONTENT_TYPE_AVRO);
        assertThat(out.bytes()[0]).isZero();
        int id = ByteBuffer.wrap(out.bytes(), 1, 4).getInt();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/ids/" + id))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Schema schema = new Schema.Parser()
                .parse(new ObjectMapper().readTree(answer.body()).get("schema").asText());
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(out.bytes(), 5, out.bytes().length - 5, null));

        assertThat(record.get("order_id")).isEqualTo(new Utf8("o-42"));
        assertThat(record.get("amount")).isEqualTo(19.99);
        assertThat(record.get("currency")).isEqualTo(new Utf8("EUR"));
        assertThat(module.decoder().decode(out.bytes()).toJson())
                .isEqualTo("{\"order_id\":\"o-42\",\"amount\":19.99,\"currency\":\"EUR\"}");
    }
}
