package io.streamlake.kafka.read;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetterPosition;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.out.DeadLetterBacklog;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Remembers DLQ replays in a consumer group per dataset, {@code <group prefix>.<topic prefix>.<dataset>}: each replay
 * assigns itself every partition of the DLQ (the group never rebalances), starts at the group's committed offsets
 * (or the beginning) and commits, synchronously, only the offsets the caller says are handled. Nothing is committed
 * automatically. Thread-safe; each {@link #open} uses its own consumer.
 */
public final class KafkaDeadLetterBacklog implements DeadLetterBacklog {

    /** The group prefix by default: dataset {@code orders} under topic prefix {@code streamlake} is remembered by
     * group {@code streamlake-replay.streamlake.orders}. */
    public static final String DEFAULT_GROUP_PREFIX = "streamlake-replay";

    private final KafkaAdapterConfig config;
    private final TopicNaming naming;
    private final String groupPrefix;
    private final Duration idleTimeout;

    /**
     * @param groupPrefix the first part of each dataset's group name
     * @param idleTimeout stop reading early when no record arrives for this long (a partition whose end cannot be
     *                    reached)
     */
    public KafkaDeadLetterBacklog(
            KafkaAdapterConfig config, TopicNaming naming, String groupPrefix, Duration idleTimeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.naming = Objects.requireNonNull(naming, "naming");
        this.groupPrefix = Objects.requireNonNull(groupPrefix, "groupPrefix");
        if (groupPrefix.isBlank()) {
            throw new IllegalArgumentException("group prefix must not be blank");
        }
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    public KafkaDeadLetterBacklog(KafkaAdapterConfig config, TopicNaming naming) {
        this(config, naming, DEFAULT_GROUP_PREFIX, Duration.ofSeconds(10));
    }

    /** The consumer group that remembers the replays of {@code dataset}. */
    public String group(DatasetName dataset) {
        return groupPrefix + "." + naming.prefix() + "." + dataset.value();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A committed offset past a partition's end (the topic was deleted and created again) is ignored: that
     * partition is read from its beginning. One before its beginning (retention deleted older dead letters) counts
     * only the dead letters still there as already replayed.
     */
    @Override
    public Replay open(DatasetName dataset, boolean fromBeginning) {
        String topic = naming.deadLetter(dataset);
        Duration answer = Duration.ofMillis(config.connectCheckTimeoutMs());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ReaderProperties.inGroup(config, group(dataset)));
        try {
            List<TopicPartition> partitions = TopicReader.partitions(consumer, topic, answer, config);
            consumer.assign(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, answer);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, answer));
            Map<TopicPartition, OffsetAndMetadata> committed =
                    fromBeginning ? Map.of() : consumer.committed(new HashSet<>(partitions), answer);
            long alreadyReplayed = 0;
            for (TopicPartition partition : partitions) {
                long begin = begins.get(partition);
                long end = ends.get(partition);
                OffsetAndMetadata done = committed.get(partition);
                long start = done == null || done.offset() > end ? begin : Math.max(done.offset(), begin);
                alreadyReplayed += start - begin;
                consumer.seek(partition, start);
            }
            return new KafkaReplay(consumer, topic, ends, alreadyReplayed, answer);
        } catch (KafkaException e) {
            consumer.close();
            throw TopicReader.failure(config, topic, e);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private final class KafkaReplay implements Replay {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        private final Map<TopicPartition, Long> ends;
        private final long alreadyReplayed;
        private final Duration answer;

        KafkaReplay(
                KafkaConsumer<byte[], byte[]> consumer,
                String topic,
                Map<TopicPartition, Long> ends,
                long alreadyReplayed,
                Duration answer) {
            this.consumer = consumer;
            this.topic = topic;
            this.ends = ends;
            this.alreadyReplayed = alreadyReplayed;
            this.answer = answer;
        }

        @Override
        public long alreadyReplayed() {
            return alreadyReplayed;
        }

        @Override
        public long read(long max, BiConsumer<RecordedDeadLetter, DeadLetterPosition> sink) {
            try {
                return TopicReader.drain(
                        consumer,
                        ends,
                        new ReadOptions(true, max, idleTimeout, true),
                        record -> sink.accept(
                                KafkaDeadLetterSource.decode(record),
                                new DeadLetterPosition(record.partition(), record.offset())));
            } catch (KafkaException e) {
                throw TopicReader.failure(config, topic, e);
            }
        }

        @Override
        public void commit(Collection<DeadLetterPosition> firstNotHandled) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            firstNotHandled.forEach(
                    p -> offsets.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(p.offset())));
            try {
                consumer.commitSync(offsets, answer);
            } catch (KafkaException e) {
                throw TopicReader.failure(config, topic, e);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
