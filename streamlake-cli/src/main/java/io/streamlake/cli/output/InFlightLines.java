package io.streamlake.cli.output;

import io.streamlake.core.domain.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The lines of a produce run sent and not resolved yet, by identity (the very arrays given to the ingestion). The
 * reading thread adds, the client's threads remove, any thread may take a snapshot. A line is kept in the slot its
 * source line number names ({@code line mod} {@value #SLOTS}): adding and removing it is one compare-and-set on that
 * slot, with no hashing of the array and no shared counter (a concurrent set did both for every line, from two
 * cores, which cost about as much as validating the line). A line without a source, or whose slot holds another
 * line still in flight (one 65,536 lines older, or a resumed run's re-run line of the same number), goes to a
 * concurrent set instead. Thread-safe; {@link #snapshot()} and {@link #size()} are weakly consistent, as a concurrent
 * set's iteration is.
 */
final class InFlightLines {

    static final int SLOTS = 1 << 16;

    private final AtomicReferenceArray<byte[]> slots = new AtomicReferenceArray<>(SLOTS);
    private final Set<byte[]> others = ConcurrentHashMap.newKeySet();

    void add(byte[] line, EventSource source) {
        if (source == null || !slots.compareAndSet(slot(source), null, line)) {
            others.add(line);
        }
    }

    void remove(byte[] line, EventSource source) {
        if (source == null || !slots.compareAndSet(slot(source), line, null)) {
            others.remove(line);
        }
    }

    private static int slot(EventSource source) {
        return (int) (source.line() & (SLOTS - 1));
    }

    /** The lines in flight, those with a source in the order of their line numbers (modulo {@value #SLOTS}) first. */
    List<byte[]> snapshot() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            byte[] line = slots.get(i);
            if (line != null) {
                out.add(line);
            }
        }
        out.addAll(others);
        return out;
    }

    int size() {
        int n = others.size();
        for (int i = 0; i < SLOTS; i++) {
            if (slots.get(i) != null) {
                n++;
            }
        }
        return n;
    }
}
