package io.streamlake.test.assertions;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Assertions on the records of one topic (a dataset's RAW or DLQ topic). Every check reads the topic afresh from
 * its beginning; a check that can still become true (fewer records than expected, none satisfying yet) reads
 * again until it holds or the timeout of {@link DatasetAssert#within} passes, so records sent asynchronously are
 * waited for. A check that cannot become true any more (more records than expected) fails at once.
 *
 * <p>Failures are JUnit's {@code AssertionFailedError}, with the topic, what was expected and the records found.
 * Requirements given as a {@link Consumer} use any assertion library; a requirement fails when it throws an
 * {@link AssertionError}.
 *
 * @param <R> {@link RawRecord} or {@link DeadLetterRecord}
 */
public final class RecordsAssert<R extends DatasetRecord> {

    private static final Duration RETRY = Duration.ofMillis(200);

    private final String topic;
    private final Supplier<TopicRecords.Snapshot<R>> reader;
    private final Duration timeout;

    RecordsAssert(String topic, Supplier<TopicRecords.Snapshot<R>> reader, Duration timeout) {
        this.topic = topic;
        this.reader = reader;
        this.timeout = timeout;
    }

    /** Exactly {@code expected} records, waiting for missing ones. */
    public RecordsAssert<R> hasSize(int expected) {
        awaitSize(expected);
        return this;
    }

    /** No record now (not waited for: an empty topic may still receive one later). */
    public RecordsAssert<R> isEmpty() {
        TopicRecords.Snapshot<R> snapshot = reader.get();
        if (!snapshot.records().isEmpty()) {
            fail(describe("expected no records", snapshot));
        }
        return this;
    }

    /** At least one record meets {@code requirement}, waiting for one. */
    public RecordsAssert<R> anySatisfy(Consumer<? super R> requirement) {
        Objects.requireNonNull(requirement, "requirement");
        TopicRecords.Snapshot<R> snapshot = await(s -> s.records().stream().anyMatch(r -> meets(r, requirement)));
        if (snapshot.records().stream().noneMatch(r -> meets(r, requirement))) {
            fail(describe(
                    "expected a record that satisfies the requirement; each failed it:" + System.lineSeparator()
                            + failures(snapshot.records(), requirement),
                    snapshot));
        }
        return this;
    }

    /** There is at least one record (waiting for one), and every record meets {@code requirement}. */
    public RecordsAssert<R> allSatisfy(Consumer<? super R> requirement) {
        Objects.requireNonNull(requirement, "requirement");
        TopicRecords.Snapshot<R> snapshot = await(s -> !s.records().isEmpty());
        if (snapshot.records().isEmpty()) {
            fail(describe("expected records that all satisfy the requirement", snapshot));
        }
        List<R> failing =
                snapshot.records().stream().filter(r -> !meets(r, requirement)).toList();
        if (!failing.isEmpty()) {
            fail(describe(
                    "expected every record to satisfy the requirement; these did not:" + System.lineSeparator()
                            + failures(failing, requirement),
                    snapshot));
        }
        return this;
    }

    /** No record meets {@code requirement} now. */
    public RecordsAssert<R> noneSatisfy(Consumer<? super R> requirement) {
        Objects.requireNonNull(requirement, "requirement");
        TopicRecords.Snapshot<R> snapshot = reader.get();
        List<R> meeting =
                snapshot.records().stream().filter(r -> meets(r, requirement)).toList();
        if (!meeting.isEmpty()) {
            fail(describe("expected no record to satisfy the requirement; these did: " + meeting, snapshot));
        }
        return this;
    }

    /** The only record, after {@link #hasSize hasSize(1)}. */
    public R singleRecord() {
        return awaitSize(1).get(0);
    }

    /** The records there are now, in partition order then offset order, for checks of any other kind. */
    public List<R> records() {
        return reader.get().records();
    }

    private List<R> awaitSize(int expected) {
        TopicRecords.Snapshot<R> snapshot = await(s -> s.records().size() >= expected);
        if (snapshot.records().size() != expected) {
            fail(describe("expected " + expected + " record(s)", snapshot));
        }
        return snapshot.records();
    }

    private TopicRecords.Snapshot<R> await(java.util.function.Predicate<TopicRecords.Snapshot<R>> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TopicRecords.Snapshot<R> snapshot = reader.get();
            if (done.test(snapshot) || System.nanoTime() > deadline) {
                return snapshot;
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return snapshot;
            }
        }
    }

    private static <R> boolean meets(R record, Consumer<? super R> requirement) {
        try {
            requirement.accept(record);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static <R> String failures(List<R> records, Consumer<? super R> requirement) {
        List<String> lines = new ArrayList<>();
        for (R record : records) {
            try {
                requirement.accept(record);
            } catch (AssertionError e) {
                lines.add("  " + record + System.lineSeparator() + "    -> " + e.getMessage());
            }
        }
        return String.join(System.lineSeparator(), lines);
    }

    private String describe(String expectation, TopicRecords.Snapshot<R> snapshot) {
        StringBuilder message =
                new StringBuilder("topic ").append(topic).append(": ").append(expectation);
        if (snapshot.problem() != null) {
            message.append(System.lineSeparator())
                    .append("but it could not be read: ")
                    .append(snapshot.problem());
            return message.toString();
        }
        message.append(System.lineSeparator())
                .append("found ")
                .append(snapshot.records().size())
                .append(" record(s) (waited up to ")
                .append(timeout.toMillis())
                .append(" ms)");
        if (!snapshot.records().isEmpty()) {
            message.append(':')
                    .append(System.lineSeparator())
                    .append(snapshot.records().stream()
                            .map(r -> "  " + r)
                            .collect(Collectors.joining(System.lineSeparator())));
        }
        return message.toString();
    }
}
