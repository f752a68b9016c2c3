package io.streamlake.schema.codec.avro;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.schema.codec.json.JsonPayload;
import io.streamlake.schema.registry.compat.PreparedSchema;
import io.streamlake.schema.registry.compat.SchemaPreflight;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Serializes JSON payloads as Avro in the Confluent wire format ({@code content_type=application/avro}). The registry
 * id comes from {@link SchemaPreflight}, which registers or checks the envelope's catalog version once and caches it;
 * encoders and buffers are reused per thread. Thread-safe. Payloads of the common shape are written by the streaming
 * tier ({@link StreamingAvroWriter}, which hands flat payloads to the flat tier); any other, or one that does not fit,
 * by the tree tier ({@link TreeAvroWriter}), which gives the same bytes and every error.
 */
final class AvroWireSerializer implements PayloadSerializer {

    /** Buffers larger than this after a record are dropped rather than kept per thread. */
    private static final int MAX_RETAINED_BUFFER = 1 << 20;

    private final SchemaPreflight preflight;
    private final TreeAvroWriter writer;
    private final StreamingAvroWriter streaming;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    AvroWireSerializer(SchemaPreflight preflight, TreeAvroWriter writer, StreamingAvroWriter streaming) {
        this.preflight = preflight;
        this.writer = writer;
        this.streaming = streaming;
    }

    /**
     * @throws RejectedPayloadException ({@code SerializationError}, with the JSON path) when the payload does
     *         not convert to the schema
     * @throws io.streamlake.core.domain.RetriableStreamLakeException when the registry cannot be reached
     *         on first use of a dataset version
     * @throws io.streamlake.core.domain.FatalStreamLakeException when the registry refuses the credentials or
     *         the schema (incompatible), or the dataset or version is unknown
     */
    @Override
    public SerializedPayload serialize(Envelope envelope) {
        if (!(envelope.payload() instanceof JsonPayload json)) {
            throw new RejectedPayloadException(
                    TreeAvroWriter.ERROR_CLASS,
                    "$: payload is not JSON (" + envelope.payload().getClass().getSimpleName()
                            + "); the Avro codec converts JSON payloads");
        }
        Buffers b = buffers.get();
        PreparedSchema prepared = b.prepared(
                preflight, envelope.metadata().dataset(), envelope.metadata().schemaVersion());
        b.out.reset();
        b.out.write(b.header(prepared.schemaId()), 0, WireFormat.HEADER_LENGTH);
        try {
            b.encoder = EncoderFactory.get().directBinaryEncoder(b.out, b.encoder);
            if (!streaming.write(prepared.writerSchema(), json, b.encoder)) {
                b.out.truncate(WireFormat.HEADER_LENGTH); // the direct encoder buffers nothing: drop the partial record
                writer.write(prepared.writerSchema(), json.tree(), b.encoder);
            }
            b.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory Avro encoding failed", e);
        }
        byte[] bytes = b.out.toByteArray();
        if (b.out.capacity() > MAX_RETAINED_BUFFER) {
            buffers.remove();
        }
        return new SerializedPayload(bytes, HeaderNames.CONTENT_TYPE_AVRO);
    }

    /** One thread's reusable output buffer, encoder and header, and the schema it used last. */
    private static final class Buffers {
        final ExposedOutputStream out = new ExposedOutputStream();
        final byte[] header = new byte[WireFormat.HEADER_LENGTH];
        int headerId = -1;
        BinaryEncoder encoder;
        DatasetName lastDataset;
        Optional<SchemaVersion> lastVersion;
        PreparedSchema lastPrepared;

        /**
         * The preflight's answer, remembered for the next event of the same dataset and version: the preflight
         * keeps every prepared schema for good and the catalog does not change, so this only skips two lookups.
         */
        PreparedSchema prepared(SchemaPreflight preflight, DatasetName dataset, Optional<SchemaVersion> version) {
            if (lastPrepared != null && dataset.equals(lastDataset) && version.equals(lastVersion)) {
                return lastPrepared;
            }
            PreparedSchema prepared = preflight.prepare(dataset, version);
            lastDataset = dataset;
            lastVersion = version;
            lastPrepared = prepared;
            return prepared;
        }

        byte[] header(int schemaId) {
            if (headerId != schemaId) {
                WireFormat.writeHeader(header, schemaId);
                headerId = schemaId;
            }
            return header;
        }
    }

    /** A ByteArrayOutputStream that tells its capacity. */
    private static final class ExposedOutputStream extends ByteArrayOutputStream {
        ExposedOutputStream() {
            super(256);
        }

        int capacity() {
            return buf.length;
        }

        void truncate(int length) {
            count = length;
        }

        @Override
        public synchronized byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }
    }
}
