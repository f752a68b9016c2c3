package io.streamlake.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlake.bench.Workload;
import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.ValidationOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Codec costs of one 200-byte {@code orders} event, each producing wire-format bytes in a fresh {@code byte[]}:
 * <ul>
 *   <li>{@code avroStreamLake}: StreamLake's Avro serializer on the parsed payload (schema id cached);</li>
 *   <li>{@code avroGenericDatumWriter}: plain Avro of an equivalent prebuilt {@link GenericRecord}, same 5-byte
 *       header, reused encoder and buffer: the limit;</li>
 *   <li>{@code avroGenericDatumWriterFromJson}: the fair comparison, plain Avro including the JSON to
 *       GenericRecord conversion (Jackson tree, then the record);</li>
 *   <li>{@code jsonParse}: the strict parse alone;</li>
 *   <li>{@code jsonParseValidateEncode} / {@code avroParseValidateEncode}: StreamLake's whole codec path
 *       (strict parse, validation against the catalog schema, serialize);</li>
 *   <li>{@code jsonParseKeyValidateEncode} / {@code avroParseKeyValidateEncode}: the same plus reading the key field,
 *       as the core does for a keyed event.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
public class CodecBenchmarks {

    private CodecState state;
    private GenericDatumWriter<GenericRecord> writer;
    private ByteArrayOutputStream out;
    private BinaryEncoder encoder;
    private byte[] header;
    private ObjectMapper mapper;
    private Schema schema;

    @Setup
    public void setUp() {
        state = new CodecState();
        schema = state.prepared.writerSchema();
        writer = new GenericDatumWriter<>(schema);
        out = new ByteArrayOutputStream(256);
        header = ByteBuffer.allocate(5)
                .put((byte) 0)
                .putInt(state.prepared.schemaId())
                .array();
        mapper = new ObjectMapper();
    }

    @Benchmark
    public SerializedPayload avroStreamLake() {
        return state.avroModule.serializer().serialize(state.envelope);
    }

    @Benchmark
    public byte[] avroGenericDatumWriter() throws IOException {
        return encode(state.record);
    }

    @Benchmark
    public byte[] avroGenericDatumWriterFromJson() throws IOException {
        JsonNode tree = mapper.readTree(state.json);
        GenericRecord r = new GenericData.Record(schema);
        r.put("order_id", tree.get("order_id").textValue());
        r.put("amount", tree.get("amount").doubleValue());
        JsonNode currency = tree.get("currency");
        r.put("currency", currency == null || currency.isNull() ? null : currency.textValue());
        return encode(r);
    }

    /** The strict parse alone (JSON and Avro share it). */
    @Benchmark
    public ParseOutcome jsonParse() {
        return state.jsonModule.parser().parse(state.json);
    }

    @Benchmark
    public SerializedPayload jsonParseValidateEncode() {
        return parseValidateEncode(state.jsonModule.parser().parse(state.json), state.jsonModule);
    }

    @Benchmark
    public SerializedPayload avroParseValidateEncode() {
        return parseValidateEncode(state.avroModule.parser().parse(state.json), state.avroModule);
    }

    /** What the core does per keyed event: parse, the key field, validate, serialize. */
    @Benchmark
    public SerializedPayload jsonParseKeyValidateEncode() {
        return parseKeyValidateEncode(state.jsonModule.parser().parse(state.json), state.jsonModule);
    }

    @Benchmark
    public SerializedPayload avroParseKeyValidateEncode() {
        return parseKeyValidateEncode(state.avroModule.parser().parse(state.json), state.avroModule);
    }

    private SerializedPayload parseKeyValidateEncode(ParseOutcome outcome, io.streamlake.schema.SchemaModule module) {
        Payload payload = ((ParseOutcome.Parsed) outcome).payload();
        String key = payload.textField(Workload.KEY_FIELD).orElseThrow();
        ValidationOutcome v = module.validator().validate(Workload.DATASET, Optional.empty(), payload);
        if (!(v instanceof ValidationOutcome.Valid)) {
            throw new IllegalStateException("invalid: " + v);
        }
        return module.serializer().serialize(new Envelope(key, payload, state.envelope.metadata()));
    }

    private SerializedPayload parseValidateEncode(ParseOutcome outcome, io.streamlake.schema.SchemaModule module) {
        Payload payload = ((ParseOutcome.Parsed) outcome).payload();
        ValidationOutcome v = module.validator().validate(Workload.DATASET, Optional.empty(), payload);
        if (!(v instanceof ValidationOutcome.Valid)) {
            throw new IllegalStateException("invalid: " + v);
        }
        return module.serializer().serialize(new Envelope(state.envelope.key(), payload, state.envelope.metadata()));
    }

    private byte[] encode(GenericRecord r) throws IOException {
        out.reset();
        out.write(header);
        encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
        writer.write(r, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
