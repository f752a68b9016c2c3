package io.streamlake.core.service;

import io.streamlake.core.domain.DeadLetterPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which dead letters of one replay are handled, per DLQ partition: the first position not handled is the lowest of
 * the next one to read, those still awaiting their outcome, and the first whose outcome failed. Thread-safe: outcomes
 * arrive on the transport's threads while the replay reads on its own.
 */
final class ReplayProgress {

    private final Map<Integer, Partition> partitions = new HashMap<>();

    private static final class Partition {
        long nextToRead;
        long firstFailed = Long.MAX_VALUE;
        long committed = -1;
        final TreeSet<Long> pending = new TreeSet<>();

        long firstNotHandled() {
            long first = Math.min(nextToRead, firstFailed);
            return pending.isEmpty() ? first : Math.min(first, pending.first());
        }
    }

    /** A dead letter was read; its outcome is not known yet. */
    synchronized void read(DeadLetterPosition position) {
        Partition p = partitions.computeIfAbsent(position.partition(), k -> new Partition());
        p.pending.add(position.offset());
        p.nextToRead = Math.max(p.nextToRead, position.offset() + 1);
    }

    /** Its outcome is known and final: republished, dead-lettered again, or left in the DLQ. */
    synchronized void handled(DeadLetterPosition position) {
        partitions.get(position.partition()).pending.remove(position.offset());
    }

    /** Its outcome failed: neither it nor anything after it in its partition counts as handled. */
    synchronized void failed(DeadLetterPosition position) {
        Partition p = partitions.get(position.partition());
        p.pending.remove(position.offset());
        p.firstFailed = Math.min(p.firstFailed, position.offset());
    }

    /**
     * The first position not handled of each partition where it changed since the last call, sorted by partition;
     * empty when nothing changed.
     */
    synchronized List<DeadLetterPosition> advanced() {
        List<DeadLetterPosition> advanced = new ArrayList<>();
        partitions.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long first = e.getValue().firstNotHandled();
            if (first != e.getValue().committed) {
                e.getValue().committed = first;
                advanced.add(new DeadLetterPosition(e.getKey(), first));
            }
        });
        return advanced;
    }
}
