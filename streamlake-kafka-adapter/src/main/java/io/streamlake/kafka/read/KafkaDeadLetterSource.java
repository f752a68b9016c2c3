package io.streamlake.kafka.read;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.DeadLetterSource;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a dataset's DLQ topic from its beginning to the end offsets it had when the call began, decoding each
 * record with {@link DeadLetterRecordDecoder}. Thread-safe; each call uses its own consumer.
 */
public final class KafkaDeadLetterSource implements DeadLetterSource {

    private final TopicReader reader;
    private final TopicNaming naming;
    private final DeadLetterRecordDecoder decoder = new DeadLetterRecordDecoder();
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
        return reader.read(naming.deadLetter(dataset), ReadOptions.snapshot(max, idleTimeout),
                record -> sink.accept(decoder.decode(record)));
    }
}
