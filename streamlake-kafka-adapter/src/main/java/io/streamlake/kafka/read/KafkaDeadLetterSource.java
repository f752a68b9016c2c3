package io.streamlake.kafka.read;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.DeadLetterSource;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a dataset's DLQ topic from its beginning to the end offsets it had when the call began, decoding each
 * record with {@link DeadLetterRecordDecoder}. Thread-safe; each call uses its own consumer.
 */
public final class KafkaDeadLetterSource implements DeadLetterSource {

    private final TopicReader reader;
    private final TopicNaming naming;
    private static final DeadLetterRecordDecoder DECODER = new DeadLetterRecordDecoder();
    private final Duration idleTimeout;

    /**
     * @param idleTimeout stop early when no record arrives for this long (a partition whose end cannot be reached)
     */
    public KafkaDeadLetterSource(KafkaAdapterConfig config, TopicNaming naming, Duration idleTimeout) {
        this.reader = new TopicReader(Objects.requireNonNull(config, "config"));
        this.naming = Objects.requireNonNull(naming, "naming");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    public KafkaDeadLetterSource(KafkaAdapterConfig config, TopicNaming naming) {
        this(config, naming, Duration.ofSeconds(10));
    }

    @Override
    public long readAll(DatasetName dataset, long max, Consumer<RecordedDeadLetter> sink) {
        return reader.read(
                naming.deadLetter(dataset),
                ReadOptions.snapshot(max, idleTimeout),
                record -> sink.accept(decode(record)));
    }

    /**
     * One DLQ record as a dead letter: its value read by {@code DeadLetterValue.decode}, its headers as metadata.
     * Never throws for a record that is not a StreamLake dead letter: it comes back flagged truncated (never
     * replayed), with what could be read.
     */
    public static RecordedDeadLetter decode(ConsumerRecord<byte[], byte[]> record) {
        return DECODER.decode(record);
    }
}
