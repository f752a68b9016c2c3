package io.streamlake.connect;

import io.streamlake.core.domain.EventSource;
import io.streamlake.runtime.records.PreparedRecord;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads its {@link FileSplit}s line by line and hands the worker, for each line, the record {@code streamlake produce}
 * writes for it (RAW or DLQ, its source file and line kept as {@code produce} keeps them). Each record carries its
 * part's source partition and the offset after its line, so a restarted or moved task resumes after the last line whose
 * offset was committed. With connector-defined transaction boundaries, a transaction ends every
 * {@code transaction.max.lines} lines and at the end of each part. A platform failure (registry down) throws
 * {@link RetriableException} from {@link #poll}; the worker polls again and the same lines are prepared again.
 */
public class StreamLakeFileSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(StreamLakeFileSourceTask.class);

    private FileSourceConfig config;
    private EventRecords records;
    private final Deque<FileSplit> splits = new ArrayDeque<>();
    private FileSplit current;
    private SplitReader reader;
    /** Lines read from the current part and not yet handed out (kept when preparing them failed retriably). */
    private final Deque<SplitReader.Line> pending = new ArrayDeque<>();

    private boolean currentExhausted;
    private int linesInTransaction;
    private volatile boolean stopping;

    @Override
    public String version() {
        return PluginVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new FileSourceConfig(props);
        records = EventRecords.start(config);
        List<FileSplit> assigned = FileSplit.decode(props.getOrDefault(FileSourceConfig.TASK_SPLITS_CONFIG, "[]"));
        splits.addAll(assigned);
        LOG.info("StreamLake file source task for dataset {} reads {} file part(s)", config.dataset(), assigned.size());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> batch = readSome();
        if (batch == null && !stopping) {
            idle();
        }
        return batch;
    }

    /** The next lines' records, or null when every part is read (or the task is stopping). */
    private synchronized List<SourceRecord> readSome() {
        try {
            while (!stopping) {
                if (current == null && !openNext()) {
                    return null;
                }
                List<SourceRecord> batch = readBatch();
                if (!batch.isEmpty()) {
                    return batch;
                }
            }
            return null;
        } catch (IOException e) {
            throw new ConnectException(
                    "cannot read " + (current == null ? "the input" : current.file()) + ": " + e.getMessage(), e);
        }
    }

    /** Opens the next part that is not read to its end yet; false when none is left. */
    private boolean openNext() throws IOException {
        while (!splits.isEmpty()) {
            FileSplit split = splits.poll();
            Map<String, Object> offset = context.offsetStorageReader().offset(split.sourcePartition());
            long from = split.start();
            long linesBefore = -1;
            if (split.sameFile(offset)) {
                from = ((Number) offset.get(FileSplit.POSITION)).longValue();
                linesBefore = ((Number) offset.get(FileSplit.LINE)).longValue();
            }
            if (from >= split.end()) {
                continue;
            }
            try {
                if (linesBefore < 0) {
                    linesBefore = split.start() == 0 ? 0 : SplitReader.linesBefore(Path.of(split.file()), from);
                }
                reader = new SplitReader(split, from, linesBefore);
            } catch (NoSuchFileException e) {
                LOG.warn("{} is gone; its part from byte {} is skipped", split.file(), from);
                continue;
            }
            current = split;
            currentExhausted = false;
            return true;
        }
        return false;
    }

    private List<SourceRecord> readBatch() throws IOException {
        int max = config.batchMaxLines();
        while (pending.size() < max && !currentExhausted) {
            SplitReader.Line line = reader.next();
            if (line == null) {
                currentExhausted = true;
            } else {
                pending.add(line);
            }
        }
        List<SourceRecord> batch = new ArrayList<>(pending.size());
        for (SplitReader.Line line : pending) {
            batch.add(record(line)); // a RetriableException leaves every pending line for the next poll
        }
        pending.clear();
        boolean partDone = currentExhausted;
        if (partDone) {
            reader.close();
            reader = null;
            current = null;
        }
        defineTransaction(batch, partDone);
        return batch;
    }

    private SourceRecord record(SplitReader.Line line) {
        PreparedRecord prepared = records.prepare(line.bytes(), new EventSource(current.file(), line.number()));
        ProducerRecord<byte[], byte[]> out = prepared.record();
        return new SourceRecord(
                current.sourcePartition(),
                current.sourceOffset(line.end(), line.number()),
                out.topic(),
                out.partition(),
                out.key() == null ? Schema.OPTIONAL_BYTES_SCHEMA : Schema.BYTES_SCHEMA,
                out.key(),
                Schema.BYTES_SCHEMA,
                out.value(),
                out.timestamp(),
                EventRecords.headers(out));
    }

    /** Connector-defined boundaries: commit after the batch when the part ended or the transaction is full. */
    private void defineTransaction(List<SourceRecord> batch, boolean partDone) {
        TransactionContext transactions = context.transactionContext();
        if (transactions == null || batch.isEmpty()) {
            return;
        }
        linesInTransaction += batch.size();
        if (partDone || linesInTransaction >= config.transactionMaxLines()) {
            transactions.commitTransaction(batch.get(batch.size() - 1));
            linesInTransaction = 0;
        }
    }

    private void idle() throws InterruptedException {
        long until = System.currentTimeMillis() + Math.min(config.pollIntervalMs(), 1_000);
        while (!stopping && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
    }

    /** Stops reading and releases the file and the registry client, once a poll in progress has returned. */
    @Override
    public void stop() {
        stopping = true;
        synchronized (this) {
            release();
        }
    }

    private void release() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException e) {
            LOG.debug("closing {}", current == null ? "" : current.file(), e);
        }
        reader = null;
        current = null;
        if (records != null) {
            records.close();
            records = null;
        }
    }
}
