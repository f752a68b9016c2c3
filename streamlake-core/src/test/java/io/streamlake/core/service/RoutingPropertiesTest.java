package io.streamlake.core.service;

import static io.streamlake.core.service.Pipeline.ORDERS;
import static io.streamlake.core.service.Pipeline.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.in.IngestCommand;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any mix of inputs, every input ends in exactly one outcome, and the counts add up. */
class RoutingPropertiesTest {

    /** Kinds of input; the key's prefix scripts what the ports do with it. */
    enum Kind {
        VALID,
        MALFORMED,
        INVALID,
        NO_KEY,
        UNSERIALIZABLE,
        TOO_LARGE,
        OUTAGE,
        DLQ_OUTAGE
    }

    @Property(tries = 300)
    void everyInputEndsInExactlyOneOutcome(@ForAll("kindLists") List<Kind> kinds) {
        Pipeline p = new Pipeline();
        p.serializer.failWith(e -> e.key().startsWith("UNSERIALIZABLE")
                ? new RejectedPayloadException("SerializationError", "cannot encode")
                : null);
        p.publisher.failWith(e -> e.key().startsWith("TOO_LARGE")
                ? new RejectedPayloadException("RecordTooLarge", "too big")
                : e.key().startsWith("OUTAGE") ? new RetriableStreamLakeException("timed out") : null);
        p.deadLetters.failWith(d -> d.key() != null && d.key().startsWith("DLQ_OUTAGE")
                ? new RetriableStreamLakeException("dlq timed out")
                : null);
        Queue<IngestionResult> results = new ConcurrentLinkedQueue<>();

        BatchSummary summary = new StreamIngestionService(p.service, 7, () -> {})
                .ingestAll(kinds.stream().map(RoutingPropertiesTest::command).iterator(), results::add);

        assertThat(summary.total()).isEqualTo(kinds.size());
        assertThat(results).hasSize(kinds.size());
        long published = results.stream()
                .filter(r -> r instanceof IngestionResult.Published)
                .count();
        long dead = results.stream()
                .filter(r -> r instanceof IngestionResult.DeadLettered)
                .count();
        assertThat(summary.published())
                .isEqualTo(published)
                .isEqualTo(p.publisher.all().size());
        assertThat(summary.deadLettered()).isEqualTo(dead);
        assertThat(summary.failed()).isEqualTo(kinds.size() - published - dead);

        Set<String> onRaw = new HashSet<>();
        p.publisher.all().forEach(e -> onRaw.add(e.metadata().ingestionId()));
        Set<String> acknowledgedOnDlq = new HashSet<>();
        results.stream()
                .filter(r -> r instanceof IngestionResult.DeadLettered)
                .forEach(r -> acknowledgedOnDlq.add(r.ref().ingestionId()));
        Set<String> failed = new HashSet<>();
        results.stream()
                .filter(r -> r instanceof IngestionResult.Failed)
                .forEach(r -> failed.add(r.ref().ingestionId()));
        assertThat(Collections.disjoint(onRaw, acknowledgedOnDlq)).isTrue();
        assertThat(Collections.disjoint(onRaw, failed)).isTrue();
        assertThat(Collections.disjoint(acknowledgedOnDlq, failed)).isTrue();
        assertThat(onRaw.size() + acknowledgedOnDlq.size() + failed.size()).isEqualTo(kinds.size());
        long expectedFailed = kinds.stream()
                .filter(k -> k == Kind.OUTAGE || k == Kind.DLQ_OUTAGE)
                .count();
        assertThat(summary.failed()).isEqualTo(expectedFailed);
    }

    @Provide
    Arbitrary<List<Kind>> kindLists() {
        return Arbitraries.of(Kind.class).list().ofMaxSize(60);
    }

    private static IngestCommand command(Kind kind) {
        String payload = switch (kind) {
            case MALFORMED -> "no fields here";
            case INVALID -> "amount=1";
            case DLQ_OUTAGE -> "order_id=1";
            default -> "order_id=1;amount=2;currency=X";
        };
        return IngestCommand.of(ORDERS, kind == Kind.NO_KEY ? null : kind.name() + "-key", bytes(payload));
    }
}
