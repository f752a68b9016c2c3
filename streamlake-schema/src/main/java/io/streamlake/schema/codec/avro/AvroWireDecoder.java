package io.streamlake.schema.codec.avro;

import io.streamlake.schema.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes Confluent wire-format values (for consumers and the CLI's {@code consume}): reads the schema id,
 * fetches the writer schema by id from the registry (cached by a caching client), and decodes the Avro binary
 * into a {@link GenericRecord}. Thread-safe.
 */
public final class AvroWireDecoder {

    private final SchemaRegistryClient registry;

    public AvroWireDecoder(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @throws IllegalArgumentException when the bytes are not wire format or not a valid record of the schema
     * @throws io.streamlake.schema.registry.SchemaRegistryException (fatal) when the id is unknown
     * @throws io.streamlake.schema.registry.SchemaRegistryUnavailableException (retriable) when the registry
     *         cannot be reached
     */
    public DecodedRecord decode(byte[] value) {
        int id = WireFormat.schemaId(value);
        Schema schema = registry.schemaById(id);
        return new DecodedRecord(id, schema, read(schema, schema, value));
    }

    /** Like {@link #decode} but resolves the writer schema into {@code readerSchema} (Avro schema evolution). */
    public DecodedRecord decode(byte[] value, Schema readerSchema) {
        int id = WireFormat.schemaId(value);
        Schema writer = registry.schemaById(id);
        return new DecodedRecord(id, readerSchema, read(writer, readerSchema, value));
    }

    private static GenericRecord read(Schema writer, Schema reader, byte[] value) {
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(value, WireFormat.HEADER_LENGTH, value.length - WireFormat.HEADER_LENGTH, null);
            GenericRecord record = new GenericDatumReader<GenericRecord>(writer, reader).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IllegalArgumentException("value has " + (value.length - WireFormat.HEADER_LENGTH)
                        + " Avro bytes but the record ended before the last one");
            }
            return record;
        } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "value is not a valid Avro record of " + writer.getFullName() + ": " + e.getMessage(), e);
        }
    }
}
