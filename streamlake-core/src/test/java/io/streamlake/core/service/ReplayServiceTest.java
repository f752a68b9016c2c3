package io.streamlake.core.service;

import static io.streamlake.core.service.Pipeline.ORDERS;
import static io.streamlake.core.service.Pipeline.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.ReplayOutcome;
import io.streamlake.core.domain.ReplaySummary;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.ReplayCommand;
import io.streamlake.core.testing.KeyValuePayloadParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class ReplayServiceTest {

    private final Pipeline p = new Pipeline();
    private final Queue<ReplayOutcome> outcomes = new ConcurrentLinkedQueue<>();

    private ReplaySummary replay() {
        return replay(ReplayCommand.of(ORDERS));
    }

    private ReplaySummary replay(ReplayCommand command) {
        return new ReplayService(p.deadLetters, new KeyValuePayloadParser(), p.validator, p.service, 4, () -> {})
                .replay(command, outcomes::add);
    }

    @Test
    void givenSchemaFixedAfterDeadLettering_thenPassingDeadLettersAreRepublishedKeepingTheirIdentity() {
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        p.ingest(IngestCommand.of(ORDERS, "k1", bytes("order_id=1;amount=2"))
                .withEventTime(created)
                .withAttributes(Map.of("tenant", "acme")));
        p.ingest("k2", "garbage");
        String originalId = p.deadLetters.all().get(0).metadata().ingestionId();
        p.validator.require(ORDERS, SchemaVersion.of(3), "order_id", "amount");

        ReplaySummary summary = replay();

        assertThat(summary).isEqualTo(new ReplaySummary(2, 1, 0, 1, 0, 0));
        var republished = p.publisher.all().get(0);
        assertThat(republished.key()).isEqualTo("k1");
        assertThat(republished.metadata().ingestionId()).isEqualTo(originalId);
        assertThat(republished.metadata().eventTime()).isEqualTo(created);
        assertThat(republished.metadata().attributes()).containsEntry("tenant", "acme");
        assertThat(republished.metadata().schemaVersion()).contains(SchemaVersion.of(3));
        assertThat(p.deadLetters.all()).as("nothing is dead-lettered twice").hasSize(2);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof ReplayOutcome.Stays)
                .extracting(o -> ((ReplayOutcome.Stays) o).reason())
                .containsExactly("field 'garbage' is not name=value");
    }

    @Test
    void givenDeadLetterFromAFile_thenTheRepublishedEventKeepsItsOriginalSource() {
        Pipeline withSource = new Pipeline(IngestionSettings.defaults().withSourceOnRaw(true));
        withSource.ingest(IngestCommand.of(ORDERS, "k1", bytes("order_id=1;amount=2"))
                .withSource(new EventSource("orders.jsonl", 3)));
        withSource.validator.require(ORDERS, SchemaVersion.of(3), "order_id", "amount");

        ReplaySummary summary = new ReplayService(
                        withSource.deadLetters,
                        new KeyValuePayloadParser(),
                        withSource.validator,
                        withSource.service,
                        4,
                        () -> {})
                .replay(ReplayCommand.of(ORDERS), outcomes::add);

        assertThat(summary.republished()).isEqualTo(1);
        assertThat(withSource.publisher.all().get(0).metadata().source()).contains(new EventSource("orders.jsonl", 3));
    }

    @Test
    void givenNothingFixed_thenEverythingStaysAndNothingIsWritten() {
        p.ingest("k1", "order_id=1;amount=2");
        ReplaySummary summary = replay();
        assertThat(summary).isEqualTo(new ReplaySummary(1, 0, 0, 1, 0, 0));
        assertThat(p.publisher.all()).isEmpty();
        assertThat(p.deadLetters.all()).hasSize(1);
    }

    @Test
    void givenBrokerDownDuringReplay_thenReportedFailedNotLost() {
        p.ingest("k1", "order_id=1;amount=2");
        p.validator.require(ORDERS, SchemaVersion.of(3), "order_id");
        p.publisher.failWith(e -> new RetriableStreamLakeException("timed out"));

        ReplaySummary summary = replay();

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(outcomes)
                .singleElement()
                .satisfies(o ->
                        assertThat(((ReplayOutcome.Replayed) o).result()).isInstanceOf(IngestionResult.Failed.class));
    }

    @Test
    void givenOtherDatasetsDeadLetters_thenOnlyTheRequestedDatasetIsReplayed() {
        p.ingest(IngestCommand.of(io.streamlake.core.domain.DatasetName.of("other"), "k", bytes("a=1")));
        assertThat(replay().read()).isZero();
        assertThat(List.copyOf(outcomes)).isEmpty();
    }

    @Test
    void givenReplayedOnce_thenTheNextReplayHandlesOnlyNewDeadLettersAndCountsTheOthersAsAlreadyReplayed() {
        p.ingest("k1", "order_id=1;amount=2");
        p.ingest("k2", "order_id=2;amount=3");
        p.ingest("k3", "garbage");
        p.validator.require(ORDERS, SchemaVersion.of(3), "order_id", "amount");
        assertThat(replay()).isEqualTo(new ReplaySummary(3, 2, 0, 1, 0, 0));

        ReplaySummary second = replay();

        assertThat(second).isEqualTo(new ReplaySummary(0, 0, 0, 0, 0, 3));
        assertThat(p.publisher.all()).as("nothing republished twice").hasSize(2);

        p.validator.require(ORDERS, SchemaVersion.of(4), "order_id");
        p.ingest("k4", "order_id=4");
        p.ingest("k4", "garbage=");
        ReplaySummary third = replay();
        assertThat(third.read()).as("only the dead letters no replay has seen").isEqualTo(1);
        assertThat(third.alreadyReplayed()).isEqualTo(3);
    }

    @Test
    void givenFromBeginning_thenEveryDeadLetterIsReadAgain() {
        p.ingest("k1", "order_id=1;amount=2");
        p.ingest("k2", "order_id=2;amount=3");
        p.validator.require(ORDERS, SchemaVersion.of(3), "order_id", "amount");
        replay();

        ReplaySummary again = replay(new ReplayCommand(ORDERS, Long.MAX_VALUE, true));

        assertThat(again).isEqualTo(new ReplaySummary(2, 2, 0, 0, 0, 0));
        assertThat(replay().alreadyReplayed()).isEqualTo(2);
    }

    @Test
    void givenRepublishingFailed_thenItIsNotCommittedAndTheNextReplayHandlesItAgain() {
        p.ingest("k1", "order_id=1;amount=2");
        p.validator.require(ORDERS, SchemaVersion.of(3), "order_id");
        p.publisher.failWith(e -> new RetriableStreamLakeException("timed out"));
        int partition = p.deadLetters
                .stored(p.deadLetters.all().get(0).deadLetterTopic())
                .get(0)
                .receipt()
                .partition();

        assertThat(replay().failed()).isEqualTo(1);
        assertThat(p.deadLetters.committed(ORDERS)).as("nothing handled").containsEntry(partition, 0L);

        p.publisher.failWith(e -> null);
        ReplaySummary retried = replay();

        assertThat(retried).isEqualTo(new ReplaySummary(1, 1, 0, 0, 0, 0));
        assertThat(p.deadLetters.committed(ORDERS)).containsEntry(partition, 1L);
    }

    @Test
    void givenMaxReached_thenTheRestIsLeftForTheNextReplay() {
        p.ingest("k1", "order_id=1;amount=2");
        p.ingest("k1", "order_id=2;amount=3");
        p.validator.require(ORDERS, SchemaVersion.of(3), "order_id", "amount");

        assertThat(replay(new ReplayCommand(ORDERS, 1, false)).read()).isEqualTo(1);

        assertThat(replay()).isEqualTo(new ReplaySummary(1, 1, 0, 0, 0, 1));
    }
}
