package io.streamlake.core.testing;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterPosition;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.core.port.out.DeadLetterBacklog;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.DeadLetterSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory {@link DeadLetterPort}: keeps every dead letter on its DLQ topic, and reads them back as a
 * {@link DeadLetterSource} and a {@link DeadLetterBacklog} (never truncated: it keeps the whole payload). The backlog
 * keeps the committed positions per dataset and partition, like a consumer group per dataset.
 */
public final class InMemoryDeadLetterPort extends InMemorySink<DeadLetter>
        implements DeadLetterPort, DeadLetterSource, DeadLetterBacklog {

    private final Map<DatasetName, Map<Integer, Long>> committed = new ConcurrentHashMap<>();

    public InMemoryDeadLetterPort() {
        this(6);
    }

    public InMemoryDeadLetterPort(int partitions) {
        super(partitions);
    }

    public InMemoryDeadLetterPort failWith(Function<DeadLetter, Throwable> failures) {
        setFailures(failures);
        return this;
    }

    public InMemoryDeadLetterPort acknowledgeOn(Executor executor) {
        setAcknowledger(executor);
        return this;
    }

    @Override
    public CompletableFuture<PublishReceipt> deadLetter(DeadLetter deadLetter) {
        return accept(deadLetter.deadLetterTopic(), deadLetter.key(), deadLetter);
    }

    @Override
    public long readAll(DatasetName dataset, long max, Consumer<RecordedDeadLetter> sink) {
        long n = 0;
        for (Stored<DeadLetter> stored : snapshot()) {
            if (n >= max) {
                break;
            }
            if (stored.record().dataset().equals(dataset)) {
                sink.accept(recorded(stored));
                n++;
            }
        }
        return n;
    }

    /** What replays of {@code dataset} committed: the first position not handled, per DLQ partition. */
    public Map<Integer, Long> committed(DatasetName dataset) {
        return Map.copyOf(committed.getOrDefault(dataset, Map.of()));
    }

    @Override
    public Replay open(DatasetName dataset, boolean fromBeginning) {
        Map<Integer, Long> start = fromBeginning ? Map.of() : committed(dataset);
        List<Stored<DeadLetter>> all = snapshot().stream()
                .filter(s -> s.record().dataset().equals(dataset))
                .toList();
        List<Stored<DeadLetter>> before = all.stream()
                .filter(s ->
                        s.receipt().offset() < start.getOrDefault(s.receipt().partition(), 0L))
                .toList();
        return new Replay() {
            @Override
            public long alreadyReplayed() {
                return before.size();
            }

            @Override
            public long read(long max, BiConsumer<RecordedDeadLetter, DeadLetterPosition> sink) {
                long n = 0;
                for (Stored<DeadLetter> stored : all) {
                    if (n >= max) {
                        break;
                    }
                    if (!before.contains(stored)) {
                        sink.accept(
                                recorded(stored),
                                new DeadLetterPosition(
                                        stored.receipt().partition(),
                                        stored.receipt().offset()));
                        n++;
                    }
                }
                return n;
            }

            @Override
            public void commit(Collection<DeadLetterPosition> firstNotHandled) {
                Map<Integer, Long> positions = committed.computeIfAbsent(dataset, d -> new ConcurrentHashMap<>());
                firstNotHandled.forEach(p -> positions.put(p.partition(), p.offset()));
            }

            @Override
            public void close() {}
        };
    }

    private static RecordedDeadLetter recorded(Stored<DeadLetter> stored) {
        return new RecordedDeadLetter(
                stored.record(),
                false,
                stored.receipt().topic() + "/" + stored.receipt().partition() + "@"
                        + stored.receipt().offset());
    }
}
