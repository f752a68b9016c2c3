package io.streamlake.bench.jmh;

import io.streamlake.bench.Workload;
import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.compat.PreparedSchema;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * One {@code orders} v2 event (the bench's 200-byte payload) ready for every codec benchmark: the StreamLake JSON
 * and Avro modules (Avro on a {@code mock://} registry, schema id prepared and cached before measuring), the parsed
 * payload and its envelope, and an equivalent prebuilt Avro {@link GenericRecord}.
 */
final class CodecState {

    final byte[] json;
    final SchemaModule jsonModule;
    final SchemaModule avroModule;
    final PreparedSchema prepared;
    final Payload parsed;
    final Envelope envelope;
    final GenericRecord record;

    CodecState() {
        Workload workload = new Workload(1, 200);
        json = workload.payload(0);
        TopicNaming naming = new TopicNaming("jmh");
        jsonModule =
                SchemaModuleFactory.create(new SchemaConfig(Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json")), naming);
        avroModule = SchemaModuleFactory.create(
                new SchemaConfig(Map.of(
                        SchemaConfig.SERIALIZATION_CONFIG, "avro", SchemaConfig.REGISTRY_URL_CONFIG, "mock://jmh")),
                naming);
        prepared = avroModule.prepare(Workload.DATASET, Optional.empty()).orElseThrow();
        parsed = ((ParseOutcome.Parsed) avroModule.parser().parse(json)).payload();
        ValidationOutcome.Valid valid =
                (ValidationOutcome.Valid) avroModule.validator().validate(Workload.DATASET, Optional.empty(), parsed);
        EventMetadata metadata = new EventMetadata(
                Workload.DATASET,
                Optional.of(valid.version()),
                "0b7c4c4e-8d5f-4a49-9f0c-3f7f3a8e2d11",
                Instant.now(),
                HeaderNames.DEFAULT_PRODUCER_SERVICE,
                Map.of());
        envelope = new Envelope(parsed.textField(Workload.KEY_FIELD).orElseThrow(), parsed, metadata);
        record = new GenericData.Record(prepared.writerSchema());
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        record.put("order_id", parsed.textField("order_id").orElseThrow());
        record.put("amount", Double.parseDouble(parsed.textField("amount").orElseThrow()));
        record.put("currency", parsed.textField("currency").orElseThrow());
        if (!text.contains((String) record.get("order_id"))) {
            throw new IllegalStateException("record does not match the payload");
        }
    }
}
