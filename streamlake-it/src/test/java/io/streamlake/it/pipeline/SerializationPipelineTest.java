package io.streamlake.it.pipeline;

import static io.streamlake.it.pipeline.PipelineFixture.ORDERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.support.StreamLakeIntegrationTest;
import io.streamlake.schema.registry.compat.PreparedSchema;
import io.streamlake.test.KafkaEndpoint;
import io.streamlake.test.RegistryEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The orders pipeline end to end on the real broker and the real registry: what the Avro codec writes is read
 * back by plain Avro with the schema fetched by id, and switching {@code serialization} changes only the content
 * type and the value bytes.
 */
@StreamLakeIntegrationTest
class SerializationPipelineTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Instant EVENT_TIME = Instant.parse("2026-11-27T10:15:30.250Z");
    private static final Map<String, String> ATTRIBUTES = Map.of("tenant", "acme", "origin", "pipeline-it");

    @Test
    void givenAvroSerialization_thenRecordDecodesWithPlainAvroUsingSchemaFetchedById(
            KafkaEndpoint kafka, RegistryEndpoint registry) throws Exception {
        List<String> payloads = List.of(
                "{\"order_id\": \"o-1\", \"amount\": 19.99, \"currency\": \"EUR\"}",
                "{\"order_id\": \"o-2\", \"amount\": 5}",
                "{\"order_id\": \"o-3\", \"amount\": -0.125, \"currency\": null}",
                "{\"order_id\": \"o-4 \\u00e9\\u20ac\", \"amount\": 1e3, \"currency\": \"\\u00a5\"}");
        try (PipelineFixture pipeline = PipelineFixture.start(kafka, PipelineFixture.avro(registry))) {
            pipeline.provision(ORDERS);
            PreparedSchema prepared = pipeline.prepare(ORDERS, Optional.empty()).orElseThrow();

            PipelineFixture.Batch batch = pipeline.ingestAll(payloads.stream()
                    .map(p -> IngestCommand.keyedBy(ORDERS, "order_id", p.getBytes(UTF_8)))
                    .toList());
            assertThat(batch.results()).as("%s", batch.results()).allMatch(r -> r instanceof IngestionResult.Published);

            List<ConsumerRecord<byte[], byte[]>> records = pipeline.read(pipeline.raw(ORDERS), payloads.size());
            assertThat(records).hasSize(payloads.size());
            Map<String, ConsumerRecord<byte[], byte[]>> byKey =
                    records.stream().collect(Collectors.toMap(PlainReader::key, Function.identity()));
            for (String payload : payloads) {
                var json = PlainReader.JSON.readTree(payload);
                ConsumerRecord<byte[], byte[]> record =
                        byKey.get(json.get("order_id").textValue());
                assertThat(record).as("record of %s", payload).isNotNull();
                assertThat(PlainReader.schemaId(record.value())).isEqualTo(prepared.schemaId());
                GenericRecord decoded = PlainReader.decodeAvro(registry.url(), record.value());
                assertThat(decoded.getSchema().getFullName()).isEqualTo("io.streamlake.datasets.orders.Order");
                PlainReader.assertSameData(decoded, json);
                assertThat(PlainReader.header(record, HeaderNames.CONTENT_TYPE))
                        .isEqualTo(HeaderNames.CONTENT_TYPE_AVRO);
                assertThat(PlainReader.header(record, HeaderNames.SCHEMA_VERSION))
                        .isEqualTo("v2");
                assertThat(PlainReader.header(record, HeaderNames.DATASET)).isEqualTo("orders");
            }
        }
    }

    @Test
    void givenSameEventsInJsonAndAvro_thenOnlyContentTypeAndValueBytesDiffer(
            KafkaEndpoint kafka, RegistryEndpoint registry) throws Exception {
        List<IngestCommand> commands = IntStream.range(0, 12)
                .mapToObj(i -> IngestCommand.of(
                                ORDERS,
                                "key-" + i,
                                ("{\"order_id\": \"o-" + i + "\", \"amount\": " + (i * 10.5)
                                                + (i % 3 == 0 ? "" : ", \"currency\": \"EUR\"") + "}")
                                        .getBytes(UTF_8))
                        .withEventTime(EVENT_TIME.plusMillis(i))
                        .withAttributes(ATTRIBUTES))
                .toList();

        Map<String, ConsumerRecord<byte[], byte[]>> json;
        Map<String, ConsumerRecord<byte[], byte[]>> avro;
        String jsonPrefix;
        String avroPrefix;
        try (PipelineFixture pipeline = PipelineFixture.start(kafka, PipelineFixture.json())) {
            jsonPrefix = pipeline.naming().prefix();
            json = publishAndRead(pipeline, commands);
        }
        try (PipelineFixture pipeline = PipelineFixture.start(kafka, PipelineFixture.avro(registry))) {
            avroPrefix = pipeline.naming().prefix();
            pipeline.prepare(ORDERS, Optional.empty());
            avro = publishAndRead(pipeline, commands);
        }

        assertThat(avro.keySet()).isEqualTo(json.keySet());
        for (IngestCommand command : commands) {
            ConsumerRecord<byte[], byte[]> j = json.get(command.key());
            ConsumerRecord<byte[], byte[]> a = avro.get(command.key());
            assertThat(j.topic()).isEqualTo(jsonPrefix + ".orders.raw");
            assertThat(a.topic().substring(avroPrefix.length()))
                    .isEqualTo(j.topic().substring(jsonPrefix.length()));
            assertThat(a.partition()).as("partition of %s", command.key()).isEqualTo(j.partition());
            assertThat(a.key()).isEqualTo(j.key()).isEqualTo(command.key().getBytes(UTF_8));
            assertThat(a.timestamp())
                    .isEqualTo(j.timestamp())
                    .isEqualTo(command.eventTime().orElseThrow().toEpochMilli());
            assertThat(withoutPerCodecHeaders(a))
                    .isEqualTo(withoutPerCodecHeaders(j))
                    .contains(
                            Map.entry(HeaderNames.SCHEMA_VERSION, "v2"),
                            Map.entry("tenant", "acme"),
                            Map.entry(
                                    HeaderNames.EVENT_TIME,
                                    "2026-11-27T10:15:30." + (250 + commands.indexOf(command)) + "Z"));

            assertThat(PlainReader.header(j, HeaderNames.CONTENT_TYPE)).isEqualTo(HeaderNames.CONTENT_TYPE_JSON);
            assertThat(PlainReader.header(a, HeaderNames.CONTENT_TYPE)).isEqualTo(HeaderNames.CONTENT_TYPE_AVRO);
            String jsonId = PlainReader.header(j, HeaderNames.INGESTION_ID);
            String avroId = PlainReader.header(a, HeaderNames.INGESTION_ID);
            assertThat(jsonId).matches(UUID_PATTERN);
            assertThat(avroId).matches(UUID_PATTERN).isNotEqualTo(jsonId);

            assertThat(j.value()).as("JSON value is the original bytes").isEqualTo(command.payload());
            assertThat(a.value()).isNotEqualTo(j.value());
            PlainReader.assertSameData(
                    PlainReader.decodeAvro(registry.url(), a.value()), PlainReader.JSON.readTree(command.payload()));
        }
    }

    private static Map<String, ConsumerRecord<byte[], byte[]>> publishAndRead(
            PipelineFixture pipeline, List<IngestCommand> commands) {
        pipeline.provision(ORDERS);
        PipelineFixture.Batch batch = pipeline.ingestAll(commands);
        assertThat(batch.summary().published()).as("%s", batch.results()).isEqualTo(commands.size());
        List<ConsumerRecord<byte[], byte[]>> records = pipeline.read(pipeline.raw(ORDERS), commands.size());
        assertThat(records).hasSize(commands.size());
        return records.stream().collect(Collectors.toMap(PlainReader::key, Function.identity()));
    }

    /** Every header, in order, except the two that differ by design: content_type and the fresh ingestion_id. */
    private static List<Map.Entry<String, String>> withoutPerCodecHeaders(ConsumerRecord<byte[], byte[]> record) {
        return PlainReader.headers(record).stream()
                .filter(h -> !h.getKey().equals(HeaderNames.CONTENT_TYPE)
                        && !h.getKey().equals(HeaderNames.INGESTION_ID))
                .toList();
    }
}
