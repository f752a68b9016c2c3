package io.streamlake.connect;

import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.runtime.config.InvalidSettingsException;
import io.streamlake.runtime.records.PreparedRecord;
import io.streamlake.runtime.records.RecordPreparer;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;

/**
 * One payload made into the record {@code streamlake produce} writes for it, in Connect's terms: the runtime's
 * {@link RecordPreparer} decides RAW or DLQ, the key, value and header bytes and the timestamp; this class builds the
 * {@link IngestCommand} the way {@code produce} does (dataset, key field, pinned version, source file and line) and
 * maps the failures: a platform failure becomes Connect's {@link RetriableException} (the worker retries, nothing is
 * dead-lettered), a fatal one a {@link ConnectException}. Thread-safe.
 */
final class EventRecords implements AutoCloseable {

    private final StreamLakeConnectConfig config;
    private final RecordPreparer preparer;
    private volatile boolean ready;

    private EventRecords(StreamLakeConnectConfig config, RecordPreparer preparer) {
        this.config = config;
        this.preparer = preparer;
    }

    /**
     * Creates the preparer and checks the dataset against the catalog; contacts no registry (that happens, once, on
     * the first {@link #prepare}, where a failure is retriable).
     *
     * @throws ConfigException naming the key of an invalid StreamLake setting or an unknown dataset
     */
    static EventRecords start(StreamLakeConnectConfig config) {
        RecordPreparer preparer;
        try {
            preparer = RecordPreparer.create(config.runtimeSettings());
        } catch (InvalidSettingsException e) {
            throw new ConfigException(e.getMessage());
        }
        try {
            preparer.requireDataset(config.dataset());
            return new EventRecords(config, preparer);
        } catch (InvalidSettingsException e) {
            preparer.close();
            throw new ConfigException(
                    StreamLakeConnectConfig.DATASET_CONFIG, config.dataset().value(), e.getMessage());
        } catch (RuntimeException e) {
            preparer.close();
            throw mapped(e);
        }
    }

    /**
     * The record for one payload. The first call also runs the start-up checks of {@code streamlake produce} (for
     * Avro: the registry answers, the schema version is registered or checked).
     *
     * @param source where it came from, or null
     * @throws RetriableException the platform failed (registry down): try again, the event is neither RAW nor DLQ
     * @throws ConnectException the platform refused for good
     */
    PreparedRecord prepare(byte[] payload, EventSource source) {
        IngestCommand command = new IngestCommand(
                config.dataset(),
                null,
                config.keyField(),
                payload,
                config.schemaVersion(),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                Optional.ofNullable(source));
        try {
            if (!ready) {
                preparer.checkReady(config.dataset(), config.schemaVersion());
                ready = true;
            }
            return preparer.prepare(command);
        } catch (RuntimeException e) {
            throw mapped(e);
        }
    }

    /** The record's headers as Connect headers holding the same bytes (for {@code ByteArrayConverter}). */
    static ConnectHeaders headers(ProducerRecord<byte[], byte[]> record) {
        ConnectHeaders headers = new ConnectHeaders();
        for (Header header : record.headers()) {
            headers.addBytes(header.key(), header.value());
        }
        return headers;
    }

    private static RuntimeException mapped(RuntimeException e) {
        if (e instanceof RetriableStreamLakeException) {
            return new RetriableException(e.getMessage(), e);
        }
        if (e instanceof FatalStreamLakeException) {
            return new ConnectException(e.getMessage(), e);
        }
        return e;
    }

    @Override
    public void close() {
        preparer.close();
    }
}
